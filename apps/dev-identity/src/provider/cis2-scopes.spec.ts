import { releasedClaims } from './cis2-scopes.js';

const claims = {
  sub: '555000000003',
  nhsid_useruid: '555000000003',
  name: 'Sam Okafor',
  authentication_assurance_level: '3',
  selected_roleid: '555000000302',
  nhsid_nrbac_roles: [{ person_roleid: '555000000302' }],
  nhsid_user_orgs: [{ org_code: 'QMJ', org_name: 'NHS North Central London ICB' }],
  client_id: 'scrt-api-explorer',
  jti: 'abc',
};

describe('released claims', () => {
  it('are those of the granted scopes only', () => {
    expect(releasedClaims(claims, 'openid selectedrole')).toEqual({ sub: '555000000003', authentication_assurance_level: '3', selected_roleid: '555000000302' });
  });

  it('cover every CIS2 claim with every CIS2 scope, and nothing else of the token', () => {
    const { client_id: _client, jti: _jti, ...cis2 } = claims;
    expect(releasedClaims(claims, 'openid profile email nhsperson associatedorgs nationalrbacaccess selectedrole')).toEqual(cis2);
  });
});
