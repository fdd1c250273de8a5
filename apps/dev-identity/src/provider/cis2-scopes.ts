/** CIS2 scopes and the claims each one releases (ID token and userinfo). */
export const CIS2_SCOPE_CLAIMS = {
  openid: ['sub', 'authentication_assurance_level'],
  profile: ['name'],
  email: ['email'],
  nhsperson: ['nhsid_useruid', 'name'],
  associatedorgs: ['nhsid_user_orgs'],
  nationalrbacaccess: ['nhsid_nrbac_roles'],
  selectedrole: ['selected_roleid'],
};

export const CIS2_SCOPES = Object.keys(CIS2_SCOPE_CLAIMS);

/** The claims among `claims` that the granted `scope` releases (`openid` releases `sub`): what userinfo answers. */
export function releasedClaims(claims: Readonly<Record<string, unknown>>, scope: string): Record<string, unknown> {
  const granted = new Set(scope.split(' '));
  const released = Object.entries(CIS2_SCOPE_CLAIMS)
    .filter(([name]) => granted.has(name))
    .flatMap(([, names]) => names)
    .filter((name) => claims[name] !== undefined);
  return Object.fromEntries(released.map((name) => [name, claims[name]]));
}
