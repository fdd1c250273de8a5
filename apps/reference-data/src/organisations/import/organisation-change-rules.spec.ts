import { OrganisationHierarchy, type HierarchySnapshot } from '@scrt/reference-copy';
import { readOrganisationChangeFile } from './organisation-change-file.js';
import { applyOrganisationChanges } from './organisation-change-rules.js';
import { HEADER, MERGER_2026, SETUP_2022 } from './merger-fixture.js';

const SEEDED: HierarchySnapshot = {
  organisations: [
    { odsCode: 'X24', name: 'NHS England', type: 'national', effectiveFrom: '2013-04-01', effectiveTo: null },
    { odsCode: 'Y56', name: 'London', type: 'region', effectiveFrom: '2020-04-01', effectiveTo: null },
    { odsCode: 'Y61', name: 'East of England', type: 'region', effectiveFrom: '2020-04-01', effectiveTo: null },
  ],
  parentLinks: [
    { childOdsCode: 'Y56', parentOdsCode: 'X24', effectiveFrom: '2020-04-01', effectiveTo: null },
    { childOdsCode: 'Y61', parentOdsCode: 'X24', effectiveFrom: '2020-04-01', effectiveTo: null },
  ],
  successions: [],
};

function apply(snapshot: HierarchySnapshot, csv: string) {
  const { rows, problems } = readOrganisationChangeFile(csv);
  expect(problems).toEqual([]);
  return applyOrganisationChanges(snapshot, rows);
}

const setUp = () => apply(SEEDED, SETUP_2022).snapshot;
const problemsOf = (csv: string, snapshot = setUp()) => apply(snapshot, `${HEADER}\n${csv}`).problems.map((p) => ({ line: p.line, column: p.column, code: p.code }));

describe('applying an ODS-style change file', () => {
  it('merges two ICBs into a new one and moves a sub-ICB location to another ICB', () => {
    const outcome = apply(setUp(), MERGER_2026);
    expect(outcome.problems).toEqual([]);
    expect(outcome.touched).toEqual(['Z1A', 'Z2A', 'Z2B', 'ZA1', 'ZA2', 'ZA3']);
    const hierarchy = new OrganisationHierarchy(outcome.snapshot);
    expect(hierarchy.parentOn('Z2A', '2026-03-31')).toBe('ZA2');
    expect(hierarchy.parentOn('Z2A', '2026-04-01')).toBe('ZB1');
    expect(hierarchy.currentSuccessor('ZA2', '2026-12-01')).toBe('ZA3');
    expect(hierarchy.canSeeRecord({ tier: 'icb', organisationCode: 'ZA3' }, 'ZA1', '2026-12-01')).toBe(true);
    expect(hierarchy.isValidForNewRecord('ZA1', '2026-12-01')).toBe(false);
  });

  it('refuses an unknown parent, a wrong parent type and a cycle', () => {
    expect(problemsOf('Z9Z,Fictional,sub_icb,ZZZ,2023-01-01,,')).toEqual([{ line: 2, column: 'parent_ods_code', code: 'UNKNOWN_PARENT' }]);
    expect(problemsOf('Z9Z,Fictional,sub_icb,Y56,2023-01-01,,')).toEqual([{ line: 2, column: 'parent_ods_code', code: 'WRONG_PARENT_TYPE' }]);
    const cyclic = problemsOf('Z9A,Fictional A,sub_icb,Z9B,2023-01-01,,\nZ9B,Fictional B,sub_icb,Z9A,2023-01-01,,').filter((p) => p.code === 'CYCLE');
    expect(cyclic).toEqual([
      { line: 2, column: 'parent_ods_code', code: 'CYCLE' },
      { line: 3, column: 'parent_ods_code', code: 'CYCLE' },
    ]);
  });

  it('refuses overlapping periods of a code and a duplicate code', () => {
    expect(problemsOf('ZC1,Fictional,icb,Y56,2023-01-01,2024-12-31,\nZC1,Fictional,icb,Y56,2024-06-01,,')).toEqual([{ line: 3, column: 'effective_from', code: 'OVERLAPPING_PERIOD' }]);
    expect(problemsOf('ZA1,Fictional North ICB,icb,Y56,2021-01-01,,')).toEqual([{ line: 2, column: 'effective_from', code: 'OVERLAPPING_PERIOD' }]);
    expect(problemsOf('ZC1,Fictional,icb,Y56,2023-01-01,,\nZC1,Fictional,icb,Y56,2023-01-01,,')).toEqual([{ line: 3, column: 'ods_code', code: 'DUPLICATE_CODE' }]);
    expect(problemsOf('Z1A,Fictional,icb,Y56,2023-01-01,,')).toEqual([{ line: 2, column: 'ods_code', code: 'DUPLICATE_CODE' }]);
  });

  it("refuses a child outside its parent's period, from either side", () => {
    expect(problemsOf('ZC1,Fictional,sub_icb,ZA1,2021-01-01,,')).toEqual([{ line: 2, column: 'effective_from', code: 'CHILD_OUTSIDE_PARENT_PERIOD' }]);
    // Closing an ICB whose sub-ICB locations stay under it.
    expect(problemsOf('ZA2,Fictional Central ICB,icb,Y56,2022-07-01,2026-03-31,')).toEqual([
      { line: 2, column: 'effective_to', code: 'CHILD_OUTSIDE_PARENT_PERIOD' },
      { line: 2, column: 'effective_to', code: 'CHILD_OUTSIDE_PARENT_PERIOD' },
    ]);
  });

  it('refuses a successor that starts before its predecessor ends, and an unknown predecessor', () => {
    expect(problemsOf('ZA1,Fictional North ICB,icb,Y56,2022-07-01,2026-03-31,\nZC1,Fictional,icb,Y56,2026-03-01,,ZA1;ZB1')).toEqual([
      { line: 2, column: 'effective_to', code: 'CHILD_OUTSIDE_PARENT_PERIOD' },
      { line: 3, column: 'predecessor_ods_codes', code: 'SUCCESSOR_BEFORE_PREDECESSOR_ENDS' },
      { line: 3, column: 'predecessor_ods_codes', code: 'SUCCESSOR_BEFORE_PREDECESSOR_ENDS' },
    ]);
    expect(problemsOf('ZC1,Fictional,icb,Y56,2026-03-01,,Z99')).toEqual([{ line: 2, column: 'predecessor_ods_codes', code: 'UNKNOWN_PREDECESSOR' }]);
  });

  it('reports malformed fields of every row with line and column', () => {
    const { rows, problems } = readOrganisationChangeFile(`${HEADER}\nzz,,trust,Y56,2026-02-30,,\nZC1,Fine,icb,,2026-01-01,2025-01-01,a;b\nZC2,Fine,icb,Y56,2026-01-01,,`);
    expect(rows.map((row) => row.odsCode)).toEqual(['ZC2']);
    expect(problems.map((p) => `${p.line}:${p.column}:${p.code}`)).toEqual([
      '2:ods_code:INVALID_ODS_CODE',
      '2:name:INVALID_NAME',
      '2:type:INVALID_TYPE',
      '2:effective_from:INVALID_DATE',
      '3:parent_ods_code:MISSING_PARENT',
      '3:effective_to:INVALID_PERIOD',
      '3:predecessor_ods_codes:INVALID_ODS_CODE',
    ]);
    expect(readOrganisationChangeFile('ods_code,name\n').problems.map((p) => p.code)).toEqual(['MISSING_COLUMN', 'MISSING_COLUMN']);
  });
});
