import { CIS2_SCOPE_NAMES, Cis2Scopes } from '@scrt/contracts';

/** CIS2 scopes and the claims each one releases (ID token and userinfo), as oidc-provider takes them. */
export const CIS2_SCOPE_CLAIMS: Record<string, readonly string[]> = Object.fromEntries(CIS2_SCOPE_NAMES.map((scope) => [scope, Cis2Scopes[scope].claims]));

/** The claims among `claims` that the granted `scope` releases (`openid` releases `sub`): what userinfo answers. */
export function releasedClaims(claims: Readonly<Record<string, unknown>>, scope: string): Record<string, unknown> {
  const granted = new Set(scope.split(' '));
  const released = Object.entries(CIS2_SCOPE_CLAIMS)
    .filter(([name]) => granted.has(name))
    .flatMap(([, names]) => names)
    .filter((name) => claims[name] !== undefined);
  return Object.fromEntries(released.map((name) => [name, claims[name]]));
}
