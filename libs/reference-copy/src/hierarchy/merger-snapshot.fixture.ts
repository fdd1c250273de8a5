import type { HierarchySnapshot, OrganisationPeriod, ParentLink } from './hierarchy-snapshot.js';

// Fictional ODS codes (Z...: ODS gives ICBs Q codes), shaped like the 1 April 2026 change.
export const org = (odsCode: string, type: OrganisationPeriod['type'], effectiveFrom: string, effectiveTo: string | null = null): OrganisationPeriod => ({ odsCode, name: `Org ${odsCode}`, type, effectiveFrom, effectiveTo });
export const link = (childOdsCode: string, parentOdsCode: string, effectiveFrom: string, effectiveTo: string | null = null): ParentLink => ({ childOdsCode, parentOdsCode, effectiveFrom, effectiveTo });

export const merger: HierarchySnapshot = {
  organisations: [
    org('X24', 'national', '2013-04-01'),
    org('Y56', 'region', '2020-04-01'),
    org('Y61', 'region', '2020-04-01'),
    org('ZA1', 'icb', '2022-07-01', '2026-03-31'),
    org('ZA2', 'icb', '2022-07-01', '2026-03-31'),
    org('ZA3', 'icb', '2026-04-01'),
    org('ZB1', 'icb', '2022-07-01'),
    org('Z1A', 'sub_icb', '2022-07-01'),
    org('Z1B', 'sub_icb', '2022-07-01'),
    org('Z2A', 'sub_icb', '2022-07-01'),
  ],
  parentLinks: [
    link('Y56', 'X24', '2020-04-01'),
    link('Y61', 'X24', '2020-04-01'),
    link('ZA1', 'Y56', '2022-07-01', '2026-03-31'),
    link('ZA2', 'Y56', '2022-07-01', '2026-03-31'),
    link('ZA3', 'Y56', '2026-04-01'),
    link('ZB1', 'Y61', '2022-07-01'),
    link('Z1A', 'ZA1', '2022-07-01', '2026-03-31'),
    link('Z1A', 'ZA3', '2026-04-01'),
    // Z1B's link ends with its ICB and no new one was recorded: it follows ZA1's successor.
    link('Z1B', 'ZA1', '2022-07-01', '2026-03-31'),
    // The boundary change: Z2A moves from ZA2 to another region's ICB.
    link('Z2A', 'ZA2', '2022-07-01', '2026-03-31'),
    link('Z2A', 'ZB1', '2026-04-01'),
  ],
  successions: [
    { predecessorOdsCode: 'ZA1', successorOdsCode: 'ZA3', effectiveFrom: '2026-04-01' },
    { predecessorOdsCode: 'ZA2', successorOdsCode: 'ZA3', effectiveFrom: '2026-04-01' },
  ],
};
