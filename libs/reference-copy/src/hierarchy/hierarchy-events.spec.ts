import { organisationChangedPayload, snapshotOfLatestEvents } from './hierarchy-events.js';
import type { HierarchySnapshot } from './hierarchy-snapshot.js';

const snapshot: HierarchySnapshot = {
  organisations: [
    { odsCode: 'Y56', name: 'London', type: 'region', effectiveFrom: '2020-04-01', effectiveTo: null },
    { odsCode: 'ZA1', name: 'Fictional North ICB', type: 'icb', effectiveFrom: '2022-07-01', effectiveTo: '2026-03-31' },
    { odsCode: 'ZA3', name: 'Fictional merged ICB', type: 'icb', effectiveFrom: '2026-04-01', effectiveTo: null },
  ],
  parentLinks: [
    { childOdsCode: 'ZA3', parentOdsCode: 'Y56', effectiveFrom: '2026-04-01', effectiveTo: null },
    { childOdsCode: 'ZA1', parentOdsCode: 'Y56', effectiveFrom: '2022-07-01', effectiveTo: '2026-03-31' },
  ],
  successions: [{ predecessorOdsCode: 'ZA1', successorOdsCode: 'ZA3', effectiveFrom: '2026-04-01' }],
};

describe('organisation events', () => {
  it('carry the whole state of one organisation: period, parent links, predecessors', () => {
    expect(organisationChangedPayload(snapshot, 'ZA3')).toEqual({
      odsCode: 'ZA3',
      name: 'Fictional merged ICB',
      type: 'icb',
      effectiveFrom: '2026-04-01',
      effectiveTo: null,
      parentLinks: [{ parentOdsCode: 'Y56', effectiveFrom: '2026-04-01', effectiveTo: null }],
      predecessors: [{ odsCode: 'ZA1', effectiveFrom: '2026-04-01' }],
    });
    expect(() => organisationChangedPayload(snapshot, 'NOPE')).toThrow(/NOPE/);
  });

  it('rebuild the same hierarchy from the latest event of each code', () => {
    const rebuilt = snapshotOfLatestEvents(snapshot.organisations.map((org) => organisationChangedPayload(snapshot, org.odsCode)));
    const byChild = (a: { childOdsCode: string }, b: { childOdsCode: string }) => a.childOdsCode.localeCompare(b.childOdsCode);
    expect(rebuilt.organisations).toEqual(snapshot.organisations);
    expect([...rebuilt.parentLinks].sort(byChild)).toEqual([...snapshot.parentLinks].sort(byChild));
    expect(rebuilt.successions).toEqual(snapshot.successions);
  });
});
