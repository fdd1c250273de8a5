import type { FieldProblem } from '@scrt/http';
import { CASE_FIELD_NAMES, FREE_TEXT_FIELDS, type CaseFields } from './case-fields.js';
import type { CaseCandidate } from './case-rules.js';

/** The case items of a body that passed their shape checks (no problem at or under them). */
export function wellFormedItems(body: unknown, problems: FieldProblem[]): CaseCandidate {
  if (body === null || typeof body !== 'object') return {};
  const items: Record<string, unknown> = {};
  for (const field of CASE_FIELD_NAMES) {
    if (!Object.hasOwn(body, field)) continue;
    if (problems.some((problem) => problem.field === field || problem.field.startsWith(`${field}.`))) continue;
    items[field] = (body as Record<string, unknown>)[field];
  }
  return items as CaseCandidate;
}

/** A complete, validated record: absent optional items are null, identifiers plain `{ type, value }`. */
export function completeFields(items: CaseCandidate): CaseFields {
  return {
    reviewType: items.reviewType!,
    incidentDate: items.incidentDate!,
    dateAdded: items.dateAdded!,
    subjectGroup: items.subjectGroup!,
    themes: [...items.themes!],
    briefInformation: items.briefInformation!,
    identifiers: (items.identifiers ?? []).map(({ type, value }) => ({ type, value })),
    partnershipId: items.partnershipId ?? null,
    partnershipName: items.partnershipName ?? null,
    designatedProfessional: items.designatedProfessional ?? null,
    ageBand: items.ageBand ?? null,
    locality: items.locality ?? null,
    setting: items.setting ?? null,
    comments: items.comments ?? null,
    subIcbLocationCode: items.subIcbLocationCode ?? null,
  };
}

export function freeTextOf(items: CaseCandidate): Record<string, string | null | undefined> {
  return Object.fromEntries(FREE_TEXT_FIELDS.map((field) => [field, items[field]]));
}

/** The items whose value differs, as history rows state them. */
export function changedItems(before: CaseFields, after: CaseFields) {
  return CASE_FIELD_NAMES.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map((field) => ({
    field,
    oldValue: before[field],
    newValue: after[field],
  }));
}
