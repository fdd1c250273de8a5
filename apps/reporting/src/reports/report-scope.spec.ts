import type { Principal } from '@scrt/contracts';
import { OrganisationHierarchy, type HierarchySnapshot } from '@scrt/reference-copy';
import { reportScopeOf } from './report-scope.js';

// Fictional codes shaped like the 1 April 2026 mergers: ZA1 and ZA2 merged into ZA3.
const org = (odsCode: string, type: 'national' | 'region' | 'icb' | 'sub_icb', effectiveFrom: string, effectiveTo: string | null = null) => ({ odsCode, name: odsCode, type, effectiveFrom, effectiveTo });
const link = (childOdsCode: string, parentOdsCode: string, effectiveFrom: string, effectiveTo: string | null = null) => ({ childOdsCode, parentOdsCode, effectiveFrom, effectiveTo });
const merger: HierarchySnapshot = {
  organisations: [org('X24', 'national', '2013-04-01'), org('Y56', 'region', '2020-04-01'), org('Y61', 'region', '2020-04-01'), org('ZA1', 'icb', '2022-07-01', '2026-03-31'), org('ZA2', 'icb', '2022-07-01', '2026-03-31'), org('ZA3', 'icb', '2026-04-01'), org('ZB1', 'icb', '2022-07-01'), org('Z1A', 'sub_icb', '2022-07-01')],
  parentLinks: [link('Y56', 'X24', '2020-04-01'), link('Y61', 'X24', '2020-04-01'), link('ZA1', 'Y56', '2022-07-01', '2026-03-31'), link('ZA2', 'Y56', '2022-07-01', '2026-03-31'), link('ZA3', 'Y56', '2026-04-01'), link('ZB1', 'Y61', '2022-07-01'), link('Z1A', 'ZA1', '2022-07-01', '2026-03-31'), link('Z1A', 'ZA3', '2026-04-01')],
  successions: [
    { predecessorOdsCode: 'ZA1', successorOdsCode: 'ZA3', effectiveFrom: '2026-04-01' },
    { predecessorOdsCode: 'ZA2', successorOdsCode: 'ZA3', effectiveFrom: '2026-04-01' },
  ],
};
const hierarchy = new OrganisationHierarchy(merger);
const TODAY = '2026-12-01';
const principal = (tier: Principal['tier'], organisationCode: string, regionCode?: string): Principal => ({ subject: 'u', kind: 'user', tier, organisationCode, regionCode, permissions: ['report:read'] });

describe('report scope through the hierarchy in force', () => {
  it("gives a merged ICB its predecessors' and sub-ICB locations' records", () => {
    expect(reportScopeOf(principal('icb', 'ZA3', 'Y56'), hierarchy, TODAY)).toMatchObject({ tier: 'icb', organisationCode: 'ZA3', visibleCodes: ['Z1A', 'ZA1', 'ZA2', 'ZA3'] });
    expect(reportScopeOf(principal('icb', 'ZB1', 'Y61'), hierarchy, TODAY).visibleCodes).toEqual(['ZB1']);
  });

  it('gives a region every code rolling up to it, and its records of codes the hierarchy does not know', () => {
    const scope = reportScopeOf(principal('region', 'Y56', 'Y56'), hierarchy, TODAY);
    expect(scope.visibleCodes).toEqual(['Y56', 'Z1A', 'ZA1', 'ZA2', 'ZA3']);
    expect(scope.unknownCodesOfRegion).toBe('Y56');
  });

  it('gives national everything, and rolls every code up to the ICB and region in force', () => {
    const scope = reportScopeOf(principal('national', 'X24'), hierarchy, TODAY);
    expect(scope.visibleCodes).toBeNull();
    const rolled = Object.fromEntries(scope.rollUp.codes.map((code, index) => [code, [scope.rollUp.icbs[index], scope.rollUp.regions[index]]]));
    expect(rolled).toMatchObject({ ZA1: ['ZA3', 'Y56'], ZA2: ['ZA3', 'Y56'], Z1A: ['ZA3', 'Y56'], ZB1: ['ZB1', 'Y61'] });
  });
});
