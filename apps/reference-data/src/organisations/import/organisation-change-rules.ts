import { OrganisationHierarchy, PARENT_TYPE, periodsOverlap, periodWithin, type HierarchySnapshot, type ParentLink } from '@scrt/reference-copy';
import { addCalendarDays } from '@scrt/working-days';
import { csvProblem, type CsvRowProblem } from '../../csv/csv-table.js';
import type { OrganisationChangeRow } from './organisation-change-file.js';

export interface OrganisationChangeOutcome {
  /** The whole hierarchy once the rows are applied. */
  snapshot: HierarchySnapshot;
  /** ODS codes whose organisation, parent links or successions the rows changed. */
  touched: string[];
  problems: CsvRowProblem[];
}

const periodOf = (row: OrganisationChangeRow) => ({ effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo });

/**
 * Applies the change rows to the hierarchy, then checks the result: every row's problems are
 * named (line, column). A row for a known code from a later date closes its parent link the day
 * before and opens a new one (a boundary change); a row with the same start date corrects that
 * period (e.g. sets its end).
 */
export function applyOrganisationChanges(current: HierarchySnapshot, rows: OrganisationChangeRow[]): OrganisationChangeOutcome {
  const organisations = new Map(current.organisations.map((org) => [org.odsCode, { ...org }]));
  let links = current.parentLinks.map((link) => ({ ...link }));
  const successions = current.successions.map((succession) => ({ ...succession }));
  const problems: CsvRowProblem[] = [];
  const applied: OrganisationChangeRow[] = [];
  const touched = new Set<string>();

  for (const row of [...rows].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.line - b.line)) {
    const refuse = (column: string, code: string, message: string) => problems.push(csvProblem(row.line, column, code, message));
    const earlier = applied.filter((other) => other.odsCode === row.odsCode);
    if (earlier.some((other) => other.effectiveFrom === row.effectiveFrom)) {
      refuse('ods_code', 'DUPLICATE_CODE', `${row.odsCode} from ${row.effectiveFrom} appears twice in the file`);
      continue;
    }
    const overlapping = earlier.find((other) => periodsOverlap(periodOf(other), periodOf(row)));
    if (overlapping) {
      refuse('effective_from', 'OVERLAPPING_PERIOD', `${row.odsCode}'s period overlaps the one on line ${overlapping.line}`);
      continue;
    }
    const existing = organisations.get(row.odsCode);
    if (existing && existing.type !== row.type) {
      refuse('ods_code', 'DUPLICATE_CODE', `${row.odsCode} is already the code of ${existing.name} (${existing.type}): an ODS code is never reused`);
      continue;
    }
    const ownLinks = links.filter((link) => link.childOdsCode === row.odsCode);
    const later = ownLinks.find((link) => link.effectiveFrom > row.effectiveFrom);
    if (existing && (row.effectiveFrom < existing.effectiveFrom || later)) {
      const from = later?.effectiveFrom ?? existing.effectiveFrom;
      refuse('effective_from', 'OVERLAPPING_PERIOD', `${row.odsCode} already has a period from ${from}: a change starts after the latest one`);
      continue;
    }
    if (existing) {
      links = links.filter((link) => !(link.childOdsCode === row.odsCode && link.effectiveFrom === row.effectiveFrom));
      for (const link of links) {
        if (link.childOdsCode === row.odsCode && (link.effectiveTo === null || link.effectiveTo >= row.effectiveFrom)) link.effectiveTo = addCalendarDays(row.effectiveFrom, -1);
      }
      existing.name = row.name;
      existing.effectiveTo = row.effectiveTo;
    } else {
      organisations.set(row.odsCode, { odsCode: row.odsCode, name: row.name, type: row.type, ...periodOf(row) });
    }
    if (row.parentOdsCode) links.push({ childOdsCode: row.odsCode, parentOdsCode: row.parentOdsCode, ...periodOf(row) });
    for (const predecessorOdsCode of row.predecessorOdsCodes) {
      if (!successions.some((s) => s.predecessorOdsCode === predecessorOdsCode && s.successorOdsCode === row.odsCode)) {
        successions.push({ predecessorOdsCode, successorOdsCode: row.odsCode, effectiveFrom: row.effectiveFrom });
      }
      touched.add(predecessorOdsCode);
    }
    applied.push(row);
    touched.add(row.odsCode);
  }

  const snapshot: HierarchySnapshot = { organisations: [...organisations.values()], parentLinks: links, successions };
  const hierarchy = new OrganisationHierarchy(snapshot);
  for (const row of applied) problems.push(...ruleProblems(row, hierarchy, links));
  return { snapshot, touched: [...touched].sort(), problems: problems.sort((a, b) => a.line - b.line) };
}

function ruleProblems(row: OrganisationChangeRow, hierarchy: OrganisationHierarchy, links: ParentLink[]): CsvRowProblem[] {
  const problems: CsvRowProblem[] = [];
  const refuse = (column: string, code: string, message: string) => problems.push(csvProblem(row.line, column, code, message));
  const parent = row.parentOdsCode ? hierarchy.organisation(row.parentOdsCode) : undefined;
  if (row.parentOdsCode && !parent) refuse('parent_ods_code', 'UNKNOWN_PARENT', `no organisation has ODS code ${row.parentOdsCode}`);
  if (parent) {
    if (parent.type !== PARENT_TYPE[row.type]) refuse('parent_ods_code', 'WRONG_PARENT_TYPE', `the parent of a ${row.type} must be a ${PARENT_TYPE[row.type]}, ${parent.odsCode} is a ${parent.type}`);
    if (!periodWithin(periodOf(row), parent)) refuse('effective_from', 'CHILD_OUTSIDE_PARENT_PERIOD', `${row.odsCode}'s period ${describe(periodOf(row))} is not within ${parent.odsCode}'s ${describe(parent)}`);
    if (hierarchy.ancestors(parent.odsCode, row.effectiveFrom).some((ancestor) => ancestor.odsCode === row.odsCode) || parent.odsCode === row.odsCode) {
      refuse('parent_ods_code', 'CYCLE', `${parent.odsCode} is ${row.odsCode} itself or below it: the hierarchy would loop`);
    }
  }
  const self = hierarchy.organisation(row.odsCode)!;
  for (const child of links.filter((link) => link.parentOdsCode === row.odsCode && !periodWithin(link, self))) {
    refuse('effective_to', 'CHILD_OUTSIDE_PARENT_PERIOD', `${child.childOdsCode} stays under ${row.odsCode} ${describe(child)}, beyond its period ${describe(self)}: move it or end it`);
  }
  for (const code of row.predecessorOdsCodes) {
    const predecessor = hierarchy.organisation(code);
    if (!predecessor) refuse('predecessor_ods_codes', 'UNKNOWN_PREDECESSOR', `no organisation has ODS code ${code}`);
    else if (predecessor.effectiveTo === null || predecessor.effectiveTo >= row.effectiveFrom) {
      refuse('predecessor_ods_codes', 'SUCCESSOR_BEFORE_PREDECESSOR_ENDS', `${row.odsCode} starts ${row.effectiveFrom}, but its predecessor ${code} ${predecessor.effectiveTo ? `runs until ${predecessor.effectiveTo}` : 'has not ended'}`);
    }
  }
  return problems;
}

const describe = (period: { effectiveFrom: string; effectiveTo: string | null }) => `${period.effectiveFrom}..${period.effectiveTo ?? 'open'}`;
