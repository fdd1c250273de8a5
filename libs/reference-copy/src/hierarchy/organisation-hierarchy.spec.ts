import { link, merger, org } from './merger-snapshot.fixture.js';
import { OrganisationHierarchy } from './organisation-hierarchy.js';

const hierarchy = new OrganisationHierarchy(merger);
const BEFORE = '2026-03-31';
const AFTER = '2026-12-01';

describe('OrganisationHierarchy through the merger of two ICBs', () => {
  it('answers the hierarchy, ancestors and descendants as at a date', () => {
    expect(hierarchy.asAt(BEFORE).map((o) => o.odsCode).sort()).toEqual(['X24', 'Y56', 'Y61', 'Z1A', 'Z1B', 'Z2A', 'ZA1', 'ZA2', 'ZB1']);
    expect(hierarchy.asAt(AFTER).find((o) => o.odsCode === 'Z2A')?.parentOdsCode).toBe('ZB1');
    expect(hierarchy.ancestors('Z2A', BEFORE).map((o) => o.odsCode)).toEqual(['ZA2', 'Y56', 'X24']);
    expect(hierarchy.ancestors('Z2A', AFTER).map((o) => o.odsCode)).toEqual(['ZB1', 'Y61', 'X24']);
    expect(hierarchy.descendants('Y56', BEFORE).map((o) => o.odsCode).sort()).toEqual(['Z1A', 'Z1B', 'Z2A', 'ZA1', 'ZA2']);
    expect(hierarchy.descendants('Y56', AFTER).map((o) => o.odsCode).sort()).toEqual(['Z1A', 'ZA3']);
  });

  it('finds the current successor of a merged ICB, and the organisation itself while it is in force', () => {
    expect(hierarchy.currentSuccessor('ZA1', AFTER)).toBe('ZA3');
    expect(hierarchy.currentSuccessor('ZA1', BEFORE)).toBe('ZA1');
    expect(hierarchy.currentSuccessor('ZB1', AFTER)).toBe('ZB1');
    expect(hierarchy.currentSuccessor('NOPE', AFTER)).toBeNull();
    expect(hierarchy.predecessors('ZA3')).toEqual(['ZA1', 'ZA2']);
  });

  it('rolls a record up to the ICB, region and NHS England in force now', () => {
    expect(hierarchy.rollUp('ZA2', AFTER)).toEqual({ recordOdsCode: 'ZA2', currentOdsCode: 'ZA3', icbOdsCode: 'ZA3', regionOdsCode: 'Y56', nationalOdsCode: 'X24' });
    expect(hierarchy.rollUp('Z1B', AFTER)).toMatchObject({ currentOdsCode: 'Z1B', icbOdsCode: 'ZA3', regionOdsCode: 'Y56' });
    expect(hierarchy.rollUp('Z2A', AFTER)).toMatchObject({ icbOdsCode: 'ZB1', regionOdsCode: 'Y61' });
    expect(hierarchy.rollUp('Z2A', BEFORE)).toMatchObject({ icbOdsCode: 'ZA2', regionOdsCode: 'Y56' });
  });

  it("lets the new ICB's users see their predecessors' records after the merger, and not before", () => {
    const newIcbUser = { tier: 'icb' as const, organisationCode: 'ZA3' };
    for (const code of ['ZA1', 'ZA2', 'Z1A', 'Z1B', 'ZA3']) expect(hierarchy.canSeeRecord(newIcbUser, code, AFTER)).toBe(true);
    expect(hierarchy.canSeeRecord(newIcbUser, 'Z2A', AFTER)).toBe(false);
    expect(hierarchy.canSeeRecord(newIcbUser, 'ZA1', BEFORE)).toBe(false);
    expect(hierarchy.canSeeRecord({ tier: 'icb', organisationCode: 'ZB1' }, 'Z2A', AFTER)).toBe(true);
    expect(hierarchy.canSeeRecord({ tier: 'icb', organisationCode: 'Z1A' }, 'ZA2', AFTER)).toBe(true);
    expect(hierarchy.recordCodesRollingUpTo('ZA3', AFTER)).toEqual(['Z1A', 'Z1B', 'ZA1', 'ZA2', 'ZA3']);
  });

  it("shows a record to its ICB's region and to national users only", () => {
    expect(hierarchy.canSeeRecord({ tier: 'region', organisationCode: 'Y56' }, 'ZA1', AFTER)).toBe(true);
    expect(hierarchy.canSeeRecord({ tier: 'region', organisationCode: 'Y61' }, 'ZA1', AFTER)).toBe(false);
    expect(hierarchy.canSeeRecord({ tier: 'region', organisationCode: 'Y61' }, 'Z2A', AFTER)).toBe(true);
    expect(hierarchy.canSeeRecord({ tier: 'national', organisationCode: 'X24' }, 'Z2A', AFTER)).toBe(true);
  });

  it("refuses the predecessors' codes for new records after the merger", () => {
    expect(hierarchy.isValidForNewRecord('ZA1', AFTER)).toBe(false);
    expect(hierarchy.isValidForNewRecord('ZA1', BEFORE)).toBe(true);
    expect(hierarchy.isValidForNewRecord('ZA3', AFTER)).toBe(true);
    expect(hierarchy.isValidForNewRecord('ZA3', BEFORE)).toBe(false);
  });

  it('stops at a cycle instead of looping', () => {
    const cyclic = new OrganisationHierarchy({ organisations: [org('ZA1', 'icb', '2022-07-01'), org('Z1A', 'sub_icb', '2022-07-01')], parentLinks: [link('ZA1', 'Z1A', '2022-07-01'), link('Z1A', 'ZA1', '2022-07-01')], successions: [] });
    expect(cyclic.ancestors('ZA1', AFTER).map((o) => o.odsCode)).toEqual(['Z1A']);
    expect(cyclic.rollUp('Z1A', AFTER).icbOdsCode).toBe('ZA1');
  });
});
