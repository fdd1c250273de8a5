import { InvalidDemoAccountsError, loadDemoAccounts, parseDemoAccounts } from './demo-accounts.js';

const COMMITTED_FILE = new URL('../../demo-accounts.json', import.meta.url).pathname;

const role = { person_roleid: '555000000101', org_code: 'QWO', role_code: 'S8000:G8000:R8001', role_name: 'Nurse Access Role', workgroups: ['scrt-data-input'] };
const valid = () => ({
  organisations: { QWO: 'NHS West Yorkshire ICB' },
  users: [{ username: 'icb.input', name: 'Priya Shah', nhsid_useruid: '555000000001', roles: [role] }],
  clients: [{ client_id: 'wy-case-system', client_secret: 'wy-case-system-dev-secret', org_code: 'QWO', scopes: ['scrt:case-management'] }],
});

function problemsOf(raw: unknown) {
  try {
    parseDemoAccounts(raw);
  } catch (error) {
    if (error instanceof InvalidDemoAccountsError) return error.problems.map(({ field, code }) => `${field} ${code}`);
    throw error;
  }
  throw new Error('expected the accounts to be refused');
}

describe('demo accounts file', () => {
  it('accepts the committed file, with the accounts the tests rely on', async () => {
    const accounts = await loadDemoAccounts(COMMITTED_FILE);
    expect(accounts.users.map((user) => user.username)).toEqual(
      expect.arrayContaining(['icb.input', 'icb.reporting', 'icb.multi', 'region.oversight', 'national.analyst', 'refdata.admin', 'no.role', 'icb.input.qoq', 'icb.input.qmj', 'region.london']),
    );
    expect(accounts.users.find((user) => user.username === 'icb.multi')?.roles.map((r) => r.org_code)).toEqual(['QWO', 'QMJ']);
    expect(accounts.users.find((user) => user.username === 'no.role')?.roles).toEqual([]);
    expect(accounts.clients.map(({ client_id, org_code }) => [client_id, org_code])).toEqual([
      ['wy-case-system', 'QWO'],
      ['qmj-case-system', 'QMJ'],
      ['nhse-reporting-system', 'X24'],
      ['y63-reporting-system', 'Y63'],
      ['qwo-reporting-system', 'QWO'],
    ]);
  });

  it('names malformed fields by path', () => {
    const accounts = valid();
    accounts.users[0].roles[0] = { ...role, person_roleid: '12', role_code: 'nurse' };
    accounts.users[0].nhsid_useruid = 'abc';
    expect(problemsOf(accounts)).toEqual(
      expect.arrayContaining(['users.0.nhsid_useruid MATCHES', 'users.0.roles.0.person_roleid MATCHES', 'users.0.roles.0.role_code MATCHES']),
    );
  });

  it('refuses unknown fields, so that a misspelt one does not go unnoticed', () => {
    const accounts = valid();
    Object.assign(accounts.users[0], { workgroup: 'x' });
    expect(problemsOf(accounts)).toEqual(['users.0.workgroup UNKNOWN_FIELD']);
  });

  it('refuses identifiers used twice', () => {
    const accounts = valid();
    accounts.users.push({ ...accounts.users[0], name: 'Someone Else' });
    accounts.clients.push({ ...accounts.clients[0] });
    expect(problemsOf(accounts)).toEqual([
      'users.1.username DUPLICATE',
      'users.1.nhsid_useruid DUPLICATE',
      'users.1.roles.0.person_roleid DUPLICATE',
      'clients.1.client_id DUPLICATE',
    ]);
  });

  it('refuses organisations that have no name in the look-up', () => {
    const accounts = valid();
    accounts.users[0].roles[0] = { ...role, org_code: 'QMJ' };
    accounts.clients[0].org_code = 'QOQ';
    expect(problemsOf(accounts)).toEqual(['users.0.roles.0.org_code UNKNOWN_ORGANISATION', 'clients.0.org_code UNKNOWN_ORGANISATION']);
  });
});
