/**
 * The NHS Care Identity Service 2 (CIS2) vocabulary shared by the identity provider (which issues
 * it) and the gateway (which reads it): sign-in scopes, the claims each releases, the role shape.
 */
export const Cis2Scopes = {
  openid: { description: 'Sign in with OpenID Connect', claims: ['sub', 'authentication_assurance_level'] },
  profile: { description: 'Your name', claims: ['name'] },
  email: { description: 'Your email address', claims: ['email'] },
  nhsperson: { description: 'Your NHS identity (user id)', claims: ['nhsid_useruid', 'name'] },
  associatedorgs: { description: 'The organisations you work for', claims: ['nhsid_user_orgs'] },
  nationalrbacaccess: { description: 'Your national RBAC roles', claims: ['nhsid_nrbac_roles'] },
  selectedrole: { description: 'The role you selected for this session', claims: ['selected_roleid'] },
} as const;

export type Cis2Scope = keyof typeof Cis2Scopes;
export const CIS2_SCOPE_NAMES = Object.keys(Cis2Scopes) as Cis2Scope[];

/** One entry of `nhsid_nrbac_roles`: a role a person holds at an organisation. */
export interface Cis2Role {
  person_roleid: string;
  /** ODS code of the organisation the role is held at. */
  org_code: string;
  /** Colon-separated job role codes, e.g. `S8000:G8000:R8001`. */
  role_code?: string;
  role_name?: string;
  workgroups?: string[];
  activity_codes?: string[];
}

/** One entry of `nhsid_user_orgs`. */
export interface Cis2UserOrganisation {
  org_code: string;
  org_name: string;
}
