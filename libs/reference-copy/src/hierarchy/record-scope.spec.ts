import { merger } from './merger-snapshot.fixture.js';
import { OrganisationHierarchy } from './organisation-hierarchy.js';
import { isInRecordScope, recordScopeOf } from './record-scope.js';

const hierarchy = new OrganisationHierarchy(merger);
const BEFORE = '2026-03-31';
const AFTER = '2026-12-01';
const everyCode = merger.organisations.map((org) => org.odsCode);

describe('recordScopeOf: the codes a viewer may see, by the hierarchy in force today', () => {
  it("gives the new ICB its predecessors' and its sub-ICB locations' codes after the merger, and only its own before", () => {
    expect(recordScopeOf(hierarchy, { tier: 'icb', organisationCode: 'ZA3' }, AFTER)).toEqual({ all: false, codes: ['Z1A', 'Z1B', 'ZA1', 'ZA2', 'ZA3'] });
    expect(recordScopeOf(hierarchy, { tier: 'icb', organisationCode: 'ZA1' }, BEFORE)).toEqual({ all: false, codes: ['Z1A', 'Z1B', 'ZA1'] });
  });

  it("follows a moved sub-ICB location to its new ICB and region", () => {
    expect(recordScopeOf(hierarchy, { tier: 'icb', organisationCode: 'ZB1' }, AFTER)).toEqual({ all: false, codes: ['Z2A', 'ZB1'] });
    expect(recordScopeOf(hierarchy, { tier: 'region', organisationCode: 'Y61' }, AFTER)).toEqual({ all: false, codes: ['Y61', 'Z2A', 'ZB1'] });
  });

  it('gives a sub-ICB location user its ICB, and national users everything', () => {
    expect(recordScopeOf(hierarchy, { tier: 'icb', organisationCode: 'Z1A' }, AFTER)).toEqual(recordScopeOf(hierarchy, { tier: 'icb', organisationCode: 'ZA3' }, AFTER));
    expect(recordScopeOf(hierarchy, { tier: 'national', organisationCode: 'X24' }, AFTER)).toEqual({ all: true });
  });

  it('keeps the viewer its own code when the hierarchy does not know it', () => {
    expect(recordScopeOf(hierarchy, { tier: 'icb', organisationCode: 'QQQ' }, AFTER)).toEqual({ all: false, codes: ['QQQ'] });
  });

  it('agrees with canSeeRecord for every viewer and record code, before and after the merger', () => {
    const viewers = [
      ...['ZA1', 'ZA2', 'ZA3', 'ZB1', 'Z1A', 'Z2A'].map((organisationCode) => ({ tier: 'icb' as const, organisationCode })),
      ...['Y56', 'Y61'].map((organisationCode) => ({ tier: 'region' as const, organisationCode })),
      { tier: 'national' as const, organisationCode: 'X24' },
    ];
    for (const today of [BEFORE, AFTER])
      for (const viewer of viewers) {
        const scope = recordScopeOf(hierarchy, viewer, today);
        for (const code of everyCode) {
          const expected = hierarchy.canSeeRecord(viewer, code, today) || code === viewer.organisationCode;
          expect([viewer.organisationCode, code, today, isInRecordScope(scope, code)]).toEqual([viewer.organisationCode, code, today, expected]);
        }
      }
  });
});
