import type { RoleClaims } from '../../principal/cis2-claims.js';
import { roleDisplayName } from '../rendering/page-locals.js';

export interface RoleChoice {
  value: string;
  text: string;
  checked: boolean;
}

/** The roles the provider said the user holds, as radio items; the selected one checked. */
export function roleChoicesOf(claims: RoleClaims | undefined, selectedRoleId: string | undefined): RoleChoice[] {
  const organisations = new Map((claims?.nhsid_user_orgs ?? []).map((organisation) => [organisation.org_code, organisation.org_name]));
  return (claims?.nhsid_nrbac_roles ?? []).map((role) => {
    const organisation = organisations.get(role.org_code);
    return {
      value: role.person_roleid,
      text: `${roleDisplayName(role.role_name)} at ${organisation ? `${organisation} (${role.org_code})` : role.org_code}`,
      checked: role.person_roleid === selectedRoleId,
    };
  });
}
