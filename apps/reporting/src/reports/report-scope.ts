import type { Principal, ScopeTier } from '@scrt/contracts';
import type { OrganisationHierarchy } from '@scrt/reference-copy';

/** Where each organisation code known to the hierarchy rolls up to today (ICB and region in force). */
export interface RollUpTable {
  codes: string[];
  icbs: (string | null)[];
  regions: (string | null)[];
}

/**
 * What a principal may see of the warehouse, through the hierarchy in force today: an ICB the
 * records of every code that rolls up to it (itself, its sub-ICB locations, its predecessors), a
 * region those of its region, national everything. A code the hierarchy does not know is seen
 * as submitted (its own ICB, its own region).
 */
export interface ReportScope {
  tier: ScopeTier;
  organisationCode?: string;
  regionCode?: string;
  /** Codes whose records are visible; null: all. */
  visibleCodes: string[] | null;
  /** Records of codes unknown to the hierarchy, visible by their submitted region. */
  unknownCodesOfRegion: string | null;
  knownCodes: string[];
  rollUp: RollUpTable;
}

export function rollUpTable(hierarchy: OrganisationHierarchy, today: string): RollUpTable {
  const table: RollUpTable = { codes: [], icbs: [], regions: [] };
  for (const { odsCode } of hierarchy.snapshot.organisations) {
    const rolled = hierarchy.rollUp(odsCode, today);
    table.codes.push(odsCode);
    table.icbs.push(rolled.icbOdsCode);
    table.regions.push(rolled.regionOdsCode);
  }
  return table;
}

export function reportScopeOf(principal: Principal, hierarchy: OrganisationHierarchy, today: string): ReportScope {
  const rollUp = rollUpTable(hierarchy, today);
  const base = { knownCodes: rollUp.codes, rollUp };
  switch (principal.tier) {
    case 'national':
      return { tier: 'national', visibleCodes: null, unknownCodesOfRegion: null, ...base };
    case 'region': {
      const regionCode = principal.regionCode ?? principal.organisationCode;
      return { tier: 'region', regionCode, visibleCodes: hierarchy.recordCodesRollingUpTo(regionCode, today), unknownCodesOfRegion: regionCode, ...base };
    }
    case 'icb': {
      const icb = hierarchy.rollUp(principal.organisationCode, today).icbOdsCode ?? principal.organisationCode;
      const codes = new Set([principal.organisationCode, ...hierarchy.recordCodesRollingUpTo(icb, today)]);
      return { tier: 'icb', organisationCode: icb, visibleCodes: [...codes].sort(), unknownCodesOfRegion: null, ...base };
    }
  }
}
