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
