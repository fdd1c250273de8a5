import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import type { FieldProblem } from '@scrt/http';
import { CodeListCopy, OrganisationHierarchyCopy, PartnershipCopy } from '@scrt/reference-copy';
import { todayInEngland } from '@scrt/working-days';
import { ReferenceDataUnavailableError } from '../cases.errors.js';
import { REQUIRED_FIELDS, type CaseFields } from './case-fields.js';

/**
 * The items of a case as far as they are well formed: an item whose shape was wrong is left out
 * (its problem is already reported), the rules check the rest.
 */
export type CaseCandidate = { [K in keyof CaseFields]?: CaseFields[K] | null };

/**
 * A StEIS serious incident number is the year it was logged, a slash and its number in that
 * year (e.g. `2026/12345`): the form StEIS issues and NHS England's serious incident reports
 * quote. LFPSE references have no published fixed format, so only their length is checked.
 */
export const STEIS_NUMBER = /^(?:19|20)\d{2}\/\d{1,7}$/;

/** The coded items and the list each comes from. */
const CODED_FIELDS = {
  reviewType: 'review-types',
  subjectGroup: 'subject-groups',
  ageBand: 'age-bands',
  setting: 'settings',
  designatedProfessional: 'designated-professional-roles',
} as const satisfies Partial<Record<keyof CaseFields, string>>;

const THEMES = 'abuse-themes';
const IDENTIFIER_TYPES = 'identifier-types';
const SUBJECT_GROUPS = 'subject-groups';

/** One code to check: where it sits in the body, and from which list. */
interface CodeUse {
  field: string;
  list: string;
  code: string;
}

/**
 * The rules of SCRT.md §4 that concern a case, against the local copies of reference data
 * (never a call to reference-data): every problem is returned, none thrown, so the caller
 * reports them together with the body's own.
 */
@Injectable()
export class CaseRules {
  constructor(
    private readonly codeLists: CodeListCopy,
    private readonly hierarchy: OrganisationHierarchyCopy,
    private readonly partnerships: PartnershipCopy,
  ) {}

  /**
   * `previous` is the case before a change: codes it already held are not checked again (a code
   * deprecated since stays valid on an existing record), every other rule applies to the result.
   */
  async check(fields: CaseCandidate, principal: Principal, previous?: CaseFields): Promise<FieldProblem[]> {
    const today = todayInEngland();
    const { subIcbLocationCode, incidentDate, partnershipId } = fields;
    return [
      ...checkRequired(fields),
      ...checkDates(fields, today),
      ...checkThemes(fields.themes),
      ...checkIdentifiers(fields.identifiers),
      ...(await this.checkCodes(changedCodes(fields, previous), today)),
      ...(await this.checkAgeBand(fields, today)),
      ...(subIcbLocationCode && incidentDate && subIcbLocationCode !== previous?.subIcbLocationCode ? await this.checkSubIcbLocation(subIcbLocationCode, incidentDate, principal) : []),
      ...(partnershipId && partnershipId !== previous?.partnershipId ? await this.checkPartnership(partnershipId) : []),
    ];
  }

  private async checkCodes(uses: CodeUse[], today: string): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    for (const { field, list, code } of uses) {
      const check = await this.codeLists.checkForNewRecord(list, code, today);
      if (check.outcome === 'no-version') throw new ReferenceDataUnavailableError(list);
      if (check.outcome === 'deprecated') problems.push({ field, code: 'DEPRECATED_CODE', message: `${code} is deprecated in ${list} version ${check.version}: not accepted on new records` });
      if (check.outcome === 'unknown') problems.push({ field, code: 'UNKNOWN_CODE', message: `${code} is not a code of ${list} version ${check.version}` });
    }
    return problems;
  }

  /** The age-bands list groups its bands under the subject groups: a band must sit in the case's group. */
  private async checkAgeBand({ ageBand, subjectGroup }: CaseCandidate, today: string): Promise<FieldProblem[]> {
    if (!ageBand || !subjectGroup) return [];
    const band = await this.codeLists.meaningAt(CODED_FIELDS.ageBand, ageBand, today);
    const group = band && (band.parentCode ?? band.code);
    if (!group || group === subjectGroup || !(await this.codeLists.meaningAt(SUBJECT_GROUPS, group, today))) return [];
    return [{ field: 'ageBand', code: 'AGE_BAND_NOT_IN_SUBJECT_GROUP', message: `ageBand ${ageBand} is a ${group} band, but subjectGroup is ${subjectGroup}` }];
  }

  /** A sub-ICB location of the caller's ICB (or of an ICB it succeeded) as at the incident date. */
  private async checkSubIcbLocation(code: string, incidentDate: string, principal: Principal): Promise<FieldProblem[]> {
    const hierarchy = await this.hierarchy.hierarchy();
    if (hierarchy.snapshot.organisations.length === 0) throw new ReferenceDataUnavailableError('organisations');
    const organisation = hierarchy.organisation(code);
    if (organisation?.type !== 'sub_icb' || !hierarchy.isInForce(code, incidentDate)) {
      return [{ field: 'subIcbLocationCode', code: 'UNKNOWN_SUB_ICB_LOCATION', message: `${code} is not a sub-ICB location in force on the incident date ${incidentDate}` }];
    }
    const parent = hierarchy.parentOn(code, incidentDate);
    const callersIcbs = [principal.organisationCode, ...hierarchy.predecessors(principal.organisationCode)];
    if (parent !== null && callersIcbs.includes(parent)) return [];
    return [{ field: 'subIcbLocationCode', code: 'SUB_ICB_LOCATION_OUTSIDE_ICB', message: `${code} did not belong to your ICB on the incident date ${incidentDate}` }];
  }

  private async checkPartnership(id: string): Promise<FieldProblem[]> {
    if (await this.partnerships.find(id)) return [];
    return [{ field: 'partnershipId', code: 'UNKNOWN_PARTNERSHIP', message: `${id} is not a safeguarding partnership of reference data` }];
  }
}

/** A change may not clear a required item (`null`); on create the body's shape sees to them. */
function checkRequired(fields: CaseCandidate): FieldProblem[] {
  return REQUIRED_FIELDS.filter((field) => fields[field] === null).map((field) => ({ field, code: 'REQUIRED', message: `${field} is required and cannot be cleared` }));
}

function checkDates({ incidentDate, dateAdded }: CaseCandidate, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, date] of [['incidentDate', incidentDate], ['dateAdded', dateAdded]] as const) {
    if (date && date > today) problems.push({ field, code: 'NOT_IN_THE_FUTURE', message: `${field} must not be in the future (today is ${today} in England)` });
  }
  if (incidentDate && dateAdded && incidentDate > dateAdded) problems.push({ field: 'dateAdded', code: 'DATES_OUT_OF_ORDER', message: 'dateAdded must not be before incidentDate' });
  return problems;
}

/** Theme 1 is required (the body's shape sees to it on create; a change may empty it), no theme repeats. */
function checkThemes(themes: string[] | null | undefined): FieldProblem[] {
  if (!themes) return [];
  const problems: FieldProblem[] = [];
  if (themes.length === 0) problems.push({ field: 'themes', code: 'THEME_1_REQUIRED', message: 'themes must hold theme 1' });
  themes.forEach((theme, index) => {
    if (themes.indexOf(theme) < index) problems.push({ field: `themes.${index}`, code: 'DUPLICATE_THEME', message: `theme ${index + 1} repeats theme ${themes.indexOf(theme) + 1} (${theme})` });
  });
  return problems;
}

function checkIdentifiers(identifiers: CaseFields['identifiers'] | null | undefined): FieldProblem[] {
  return (identifiers ?? []).flatMap(({ type, value }, index) =>
    type === 'STEIS' && !STEIS_NUMBER.test(value)
      ? [{ field: `identifiers.${index}.value`, code: 'INVALID_STEIS_NUMBER', message: 'a StEIS number is the year, a slash and the number in that year (e.g. 2026/12345)' }]
      : [],
  );
}

/** The codes of the record that were not already on it before the change (all of them for a new record). */
function changedCodes(fields: CaseCandidate, previous?: CaseFields): CodeUse[] {
  const uses: CodeUse[] = [];
  for (const [field, list] of Object.entries(CODED_FIELDS) as [keyof typeof CODED_FIELDS, string][]) {
    const code = fields[field];
    if (code && code !== previous?.[field]) uses.push({ field, list, code });
  }
  fields.themes?.forEach((code, index) => {
    if (!previous?.themes.includes(code)) uses.push({ field: `themes.${index}`, list: THEMES, code });
  });
  fields.identifiers?.forEach(({ type }, index) => {
    if (!previous?.identifiers.some((identifier) => identifier.type === type)) uses.push({ field: `identifiers.${index}.type`, list: IDENTIFIER_TYPES, code: type });
  });
  return uses;
}
