import { OrganisationHierarchy, type HierarchySnapshot, type OrganisationHierarchyCopy } from '@scrt/reference-copy';
import type { InternalTokenSigner } from '@scrt/auth';
import type { GatewayEnv } from '../config/gateway.config.js';
import { OrganisationDirectory } from './organisation-directory.js';

// Fictional codes (Z...): an ICB merged into ZA3 on 1 April 2026, and a sub-ICB location of ZA3.
const snapshot: HierarchySnapshot = {
  organisations: [
    { odsCode: 'X24', name: 'NHS England', type: 'national', effectiveFrom: '2013-04-01', effectiveTo: null },
    { odsCode: 'Y56', name: 'London', type: 'region', effectiveFrom: '2020-04-01', effectiveTo: null },
    { odsCode: 'ZA1', name: 'Fictional North ICB', type: 'icb', effectiveFrom: '2022-07-01', effectiveTo: '2026-03-31' },
    { odsCode: 'ZA3', name: 'Fictional merged ICB', type: 'icb', effectiveFrom: '2026-04-01', effectiveTo: null },
    { odsCode: 'Z1A', name: 'Fictional sub-ICB location', type: 'sub_icb', effectiveFrom: '2022-07-01', effectiveTo: null },
  ],
  parentLinks: [
    { childOdsCode: 'Y56', parentOdsCode: 'X24', effectiveFrom: '2020-04-01', effectiveTo: null },
    { childOdsCode: 'ZA1', parentOdsCode: 'Y56', effectiveFrom: '2022-07-01', effectiveTo: '2026-03-31' },
    { childOdsCode: 'ZA3', parentOdsCode: 'Y56', effectiveFrom: '2026-04-01', effectiveTo: null },
    { childOdsCode: 'Z1A', parentOdsCode: 'ZA1', effectiveFrom: '2022-07-01', effectiveTo: '2026-03-31' },
    { childOdsCode: 'Z1A', parentOdsCode: 'ZA3', effectiveFrom: '2026-04-01', effectiveTo: null },
  ],
  successions: [{ predecessorOdsCode: 'ZA1', successorOdsCode: 'ZA3', effectiveFrom: '2026-04-01' }],
};

const copy = { hierarchy: async () => new OrganisationHierarchy(snapshot) } as unknown as OrganisationHierarchyCopy;
const unreachable = { REFERENCE_DATA_URL: 'http://127.0.0.1:9' } as GatewayEnv;
const signer = { sign: async () => 'token' } as unknown as InternalTokenSigner;
const directory = new OrganisationDirectory(unreachable, signer, copy);

describe('OrganisationDirectory placing users from the local copy of the hierarchy', () => {
  it('places national, region and ICB users without calling reference-data', async () => {
    expect(await directory.place('X24')).toEqual({ odsCode: 'X24', name: 'NHS England', tier: 'national' });
    expect(await directory.place('Y56')).toEqual({ odsCode: 'Y56', name: 'London', tier: 'region', regionCode: 'Y56' });
    expect(await directory.place('ZA3')).toEqual({ odsCode: 'ZA3', name: 'Fictional merged ICB', tier: 'icb', regionCode: 'Y56' });
  });

  it("gives a sub-ICB location's users their ICB's region, not the ICB's code", async () => {
    expect(await directory.place('Z1A')).toMatchObject({ tier: 'icb', regionCode: 'Y56' });
  });

  it("places a merged ICB's users in its successor's region", async () => {
    expect(await directory.place('ZA1')).toMatchObject({ tier: 'icb', regionCode: 'Y56' });
  });
});
