import type { Permission } from './permissions.js';

export const ScopeTiers = ['icb', 'region', 'national'] as const;
/** How far a principal sees: its own ICB, its region, or everything. */
export type ScopeTier = (typeof ScopeTiers)[number];

/**
 * The resolved caller, as the gateway states it in the internal token. Services trust only
 * this, never a client-supplied header.
 */
export interface Principal {
  /** `nhsid_useruid` for users, the OAuth client id for machine clients. */
  subject: string;
  kind: 'user' | 'client';
  name?: string;
  /** ODS code of the organisation the caller acts for (the selected role's `org_code`). */
  organisationCode: string;
  organisationName?: string;
  /** Region (ODS Y-code) the organisation belongs to; the region itself for regional users. */
  regionCode?: string;
  tier: ScopeTier;
  roleId?: string;
  roleName?: string;
  permissions: Permission[];
}
