/** The scopes a user signs in with at CIS2, and what each releases. */
export const CIS2_USER_SCOPES: Readonly<Record<string, string>> = {
  openid: 'Sign in with OpenID Connect',
  profile: 'Your name',
  email: 'Your email address',
  nhsperson: 'Your NHS identity (user id)',
  associatedorgs: 'The organisations you work for',
  nationalrbacaccess: 'Your national RBAC roles',
  selectedrole: 'The role you selected for this session',
};

export const SIGN_IN_SCOPES = Object.keys(CIS2_USER_SCOPES).join(' ');
