import type { IsoDate } from './hierarchy-snapshot.js';
import type { OrganisationHierarchy, Viewer } from './organisation-hierarchy.js';

/**
 * The organisation codes whose records a viewer may see: every code (national users), or the
 * codes, past and present, that roll up today to the viewer's ICB (ICB users) or region.
 */
export type RecordScope = { readonly all: true } | { readonly all: false; readonly codes: readonly string[] };

export const NATIONAL_SCOPE: RecordScope = { all: true };

const memo = new WeakMap<OrganisationHierarchy, Map<string, string[]>>();

function codesRollingUpTo(hierarchy: OrganisationHierarchy, anchor: string, today: IsoDate): string[] {
  const byAnchor = memo.get(hierarchy) ?? new Map<string, string[]>();
  memo.set(hierarchy, byAnchor);
  const key = `${anchor}@${today}`;
  let codes = byAnchor.get(key);
  if (!codes) {
    codes = hierarchy.recordCodesRollingUpTo(anchor, today);
    byAnchor.set(key, codes);
  }
  return codes;
}

/**
 * What a viewer may see by the hierarchy in force on `today`: the single answer behind both the
 * per-record check (`isInRecordScope`) and every query filter, so the two never disagree. A
 * sub-ICB location's user sees its ICB's records, a merged ICB's user its successor's. The
 * viewer's own code is always in scope, so records stay visible to their submitter while the
 * local copy of the hierarchy does not know the code yet.
 */
export function recordScopeOf(hierarchy: OrganisationHierarchy, viewer: Viewer, today: IsoDate): RecordScope {
  if (viewer.tier === 'national') return NATIONAL_SCOPE;
  const placed = hierarchy.rollUp(viewer.organisationCode, today);
  const anchor = viewer.tier === 'icb' ? placed.icbOdsCode : placed.regionOdsCode;
  const codes = anchor === null ? [] : codesRollingUpTo(hierarchy, anchor, today);
  return { all: false, codes: codes.includes(viewer.organisationCode) ? codes : [...codes, viewer.organisationCode].sort() };
}

export function isInRecordScope(scope: RecordScope, recordOrganisationCode: string): boolean {
  return scope.all || scope.codes.includes(recordOrganisationCode);
}
