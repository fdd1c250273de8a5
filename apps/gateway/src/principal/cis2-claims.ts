import { CIS2_SCOPE_NAMES, Cis2Scopes, type Cis2Role } from '@scrt/contracts';

/** The claims the gateway reads from a validated access token (or ID token + userinfo). */
export interface ExternalClaims {
  sub?: string;
  client_id?: string;
  scope?: string;
  org_code?: string;
  name?: string;
  nhsid_useruid?: string;
  selected_roleid?: string;
  nhsid_nrbac_roles?: Cis2Role[];
  authentication_assurance_level?: string | number;
  [claim: string]: unknown;
}

/** The claims a user's role is read from, each with the CIS2 scope that releases it. */
export const ROLE_CLAIMS = ['nhsid_nrbac_roles', 'selected_roleid'] as const;

function scopeCarrying(claim: string): string {
  const scope = CIS2_SCOPE_NAMES.find((name) => (Cis2Scopes[name].claims as readonly string[]).includes(claim));
  if (!scope) throw new Error(`no CIS2 scope releases ${claim}`);
  return scope;
}

/** The CIS2 scopes that carry role claims and that the access token was not granted. */
export function missingRoleScopes(claims: ExternalClaims): string[] {
  const granted = new Set(typeof claims.scope === 'string' ? claims.scope.split(' ') : []);
  return [...new Set(ROLE_CLAIMS.map(scopeCarrying))].filter((scope) => !granted.has(scope));
}

/** Client-credentials tokens name no person: their subject is the client itself. */
export function isMachineClient(claims: ExternalClaims): boolean {
  return claims.nhsid_useruid === undefined && typeof claims.client_id === 'string' && claims.sub === claims.client_id;
}

/**
 * `authentication_assurance_level` as a number: CIS2 sends it as a string of digits ("3"), a
 * number is taken too; anything else (missing, "", "high", 2.5) is no level at all (0).
 */
export function assuranceLevel(claims: ExternalClaims): number {
  const level = claims.authentication_assurance_level;
  if (typeof level === 'number') return Number.isInteger(level) ? level : 0;
  return typeof level === 'string' && /^\d{1,3}$/.test(level) ? Number(level) : 0;
}

/** What a browser session keeps of the provider's claims: enough to act in another of the user's roles. */
export type RoleClaims = Pick<ExternalClaims, 'sub' | 'nhsid_useruid' | 'name' | 'authentication_assurance_level' | 'nhsid_nrbac_roles' | 'selected_roleid'> & {
  nhsid_user_orgs?: { org_code: string; org_name?: string }[];
};

export function roleClaimsOf(claims: ExternalClaims): RoleClaims {
  const { sub, nhsid_useruid, name, authentication_assurance_level, nhsid_nrbac_roles, selected_roleid, nhsid_user_orgs } = claims;
  return { sub, nhsid_useruid, name, authentication_assurance_level, nhsid_nrbac_roles, selected_roleid, nhsid_user_orgs: Array.isArray(nhsid_user_orgs) ? nhsid_user_orgs : undefined };
}
