import type { Principal } from '@scrt/contracts';

/** Where a record belongs, for scope checks. */
export interface OwnedByOrganisation {
  organisationCode: string;
  regionCode: string;
}

/** The filter a query must apply so a principal sees only what it may. */
export type ScopeFilter = { organisationCode: string } | { regionCode: string } | Record<string, never>;

export function scopeFilterFor(principal: Principal): ScopeFilter {
  switch (principal.tier) {
    case 'national':
      return {};
    case 'region':
      return { regionCode: principal.regionCode ?? principal.organisationCode };
    case 'icb':
      return { organisationCode: principal.organisationCode };
  }
}

export function canSee(principal: Principal, record: OwnedByOrganisation): boolean {
  const filter = scopeFilterFor(principal);
  if ('organisationCode' in filter) return record.organisationCode === filter.organisationCode;
  if ('regionCode' in filter) return record.regionCode === filter.regionCode;
  return true;
}
