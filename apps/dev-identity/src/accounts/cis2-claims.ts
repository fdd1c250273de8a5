import type { Cis2Role, Cis2UserOrganisation } from '@scrt/contracts';
import type { DemoClient, DemoUser } from './demo-accounts.js';

/** CIS2 reports how strongly the user authenticated; the tracker requires at least 2. */
export const AUTHENTICATION_ASSURANCE_LEVEL = '3';

/** Everything CIS2 says about a signed-in user (userinfo shape). A type, not an interface, so that it is a plain claims object. */
export type Cis2UserClaims = {
  nhsid_useruid: string;
  name: string;
  authentication_assurance_level: string;
  selected_roleid?: string;
  nhsid_nrbac_roles: Cis2Role[];
  nhsid_user_orgs: Cis2UserOrganisation[];
};

export type Cis2IdTokenClaims = Omit<Cis2UserClaims, 'nhsid_nrbac_roles' | 'nhsid_user_orgs'>;

export function cis2UserClaims(user: DemoUser, organisations: Readonly<Record<string, string>>, selectedRoleId?: string): Cis2UserClaims {
  const orgCodes = [...new Set(user.roles.map((role) => role.org_code))];
  return {
    nhsid_useruid: user.nhsid_useruid,
    name: user.name,
    authentication_assurance_level: AUTHENTICATION_ASSURANCE_LEVEL,
    ...(selectedRoleId ? { selected_roleid: selectedRoleId } : {}),
    nhsid_nrbac_roles: user.roles.map(({ person_roleid, org_code, role_code, role_name, workgroups, activity_codes }) => ({
      person_roleid,
      org_code,
      role_code,
      role_name,
      workgroups,
      ...(activity_codes ? { activity_codes } : {}),
    })),
    nhsid_user_orgs: orgCodes.map((org_code) => ({ org_code, org_name: organisations[org_code] })),
  };
}

/** Like CIS2, the ID token names the user and the selected role but leaves the role lists to userinfo. */
export function cis2IdTokenClaims(claims: Cis2UserClaims): Cis2IdTokenClaims {
  const { nhsid_nrbac_roles: _roles, nhsid_user_orgs: _orgs, ...identity } = claims;
  return identity;
}

/** What a machine client's access token adds to the standard ones (`client_id`, `sub`, `scope`). */
export function clientCredentialsClaims(client: DemoClient): { org_code: string } {
  return { org_code: client.org_code };
}
