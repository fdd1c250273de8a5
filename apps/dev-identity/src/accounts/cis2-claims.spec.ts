import { cis2IdTokenClaims, cis2UserClaims, clientCredentialsClaims } from './cis2-claims.js';
import type { DemoClient, DemoUser } from './demo-accounts.js';

const organisations = { QWO: 'NHS West Yorkshire ICB', QMJ: 'NHS North Central London ICB' };
const nurseRole = { org_code: 'QWO', role_code: 'S8000:G8000:R8001', role_name: 'Nurse Access Role', workgroups: ['scrt-data-input'] };
const user: DemoUser = {
  username: 'icb.multi',
  name: 'Sam Okafor',
  nhsid_useruid: '555000000003',
  roles: [
    { ...nurseRole, person_roleid: '555000000301' },
    { ...nurseRole, person_roleid: '555000000302', org_code: 'QMJ', activity_codes: ['B0360'] },
    { ...nurseRole, person_roleid: '555000000303', workgroups: [] },
  ],
};

describe('CIS2 claims', () => {
  it('describe the user, every role, the distinct organisations and the selected role', () => {
    expect(cis2UserClaims(user, organisations, '555000000302')).toEqual({
      nhsid_useruid: '555000000003',
      name: 'Sam Okafor',
      authentication_assurance_level: '3',
      selected_roleid: '555000000302',
      nhsid_nrbac_roles: [
        { ...nurseRole, person_roleid: '555000000301' },
        { ...nurseRole, person_roleid: '555000000302', org_code: 'QMJ', activity_codes: ['B0360'] },
        { ...nurseRole, person_roleid: '555000000303', workgroups: [] },
      ],
      nhsid_user_orgs: [
        { org_code: 'QWO', org_name: 'NHS West Yorkshire ICB' },
        { org_code: 'QMJ', org_name: 'NHS North Central London ICB' },
      ],
    });
  });

  it('leave selected_roleid out when no role is selected', () => {
    const claims = cis2UserClaims({ ...user, roles: [] }, organisations);
    expect(claims).not.toHaveProperty('selected_roleid');
    expect(claims.nhsid_nrbac_roles).toEqual([]);
    expect(claims.nhsid_user_orgs).toEqual([]);
  });

  it('keep the role lists out of the ID token', () => {
    expect(cis2IdTokenClaims(cis2UserClaims(user, organisations, '555000000301'))).toEqual({
      nhsid_useruid: '555000000003',
      name: 'Sam Okafor',
      authentication_assurance_level: '3',
      selected_roleid: '555000000301',
    });
  });

  it('bind a machine client to its organisation', () => {
    const client: DemoClient = { client_id: 'wy-case-system', client_secret: 'wy-case-system-dev-secret', org_code: 'QWO', scopes: ['scrt:case-management'] };
    expect(clientCredentialsClaims(client)).toEqual({ org_code: 'QWO' });
  });
});
