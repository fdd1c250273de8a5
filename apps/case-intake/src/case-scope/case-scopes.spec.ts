import type { Principal } from '@scrt/contracts';
import { OrganisationHierarchy, type HierarchySnapshot, type OrganisationHierarchyCopy } from '@scrt/reference-copy';
import { CaseScopes } from './case-scopes.js';

// Two fictional ICBs merged into ZA3 on 2026-04-01 ("today" is later); Z1A is ZA3's sub-ICB location.
const merger: HierarchySnapshot = {
  organisations: [
    { odsCode: 'ZA1', name: 'North', type: 'icb', effectiveFrom: '2022-07-01', effectiveTo: '2026-03-31' },
    { odsCode: 'ZA2', name: 'Central', type: 'icb', effectiveFrom: '2022-07-01', effectiveTo: '2026-03-31' },
    { odsCode: 'ZA3', name: 'Merged', type: 'icb', effectiveFrom: '2026-04-01', effectiveTo: null },
    { odsCode: 'Z1A', name: 'Location', type: 'sub_icb', effectiveFrom: '2022-07-01', effectiveTo: null },
  ],
  parentLinks: [{ childOdsCode: 'Z1A', parentOdsCode: 'ZA3', effectiveFrom: '2026-04-01', effectiveTo: null }],
  successions: ['ZA1', 'ZA2'].map((predecessorOdsCode) => ({ predecessorOdsCode, successorOdsCode: 'ZA3', effectiveFrom: '2026-04-01' })),
};
const copy = { hierarchy: async () => new OrganisationHierarchy(merger) } as unknown as OrganisationHierarchyCopy;
const scopes = new CaseScopes(copy);
const icbUser = (organisationCode: string): Principal => ({ subject: 'u', kind: 'user', organisationCode, regionCode: 'Y56', tier: 'icb', permissions: [] });

describe('CaseScopes', () => {
  it("refuses new cases from a predecessor ICB, naming its successor, and accepts the new ICB's", async () => {
    await expect(scopes.assertMayRecordCases(icbUser('ZA1'))).rejects.toMatchObject({ code: 'ORGANISATION_REPLACED', status: 403, detail: expect.stringContaining('ZA3') });
    await expect(scopes.assertMayRecordCases(icbUser('ZA3'))).resolves.toBeUndefined();
    await expect(scopes.assertMayRecordCases(icbUser('Z1A'))).resolves.toBeUndefined();
  });

  it('does not refuse a code the local copy does not know', async () => {
    await expect(scopes.assertMayRecordCases(icbUser('QWO'))).resolves.toBeUndefined();
  });

  it("scopes the new ICB's users to its predecessors' codes", async () => {
    expect(await scopes.of(icbUser('ZA3'))).toEqual({ all: false, codes: ['Z1A', 'ZA1', 'ZA2', 'ZA3'] });
  });
});
