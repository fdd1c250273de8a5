import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { describeDemoAccounts } from './banner.js';

function accountsFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'scrt-banner-')), 'demo-accounts.json');
  writeFileSync(file, content);
  return file;
}

describe('describeDemoAccounts', () => {
  it('lists each user with name and roles at their organisations, then the machine clients', () => {
    const file = accountsFile(
      JSON.stringify({
        organisations: { QWO: 'NHS West Yorkshire ICB' },
        users: [
          {
            username: 'icb.input',
            name: 'Priya Shah',
            roles: [
              { org_code: 'QWO', role_name: '"Clinical":"Nurse Access Role"', workgroups: ['scrt-data-input'] },
              { org_code: 'Y56', role_name: 'Analyst' },
            ],
          },
        ],
        clients: [{ client_id: 'wy-case-system', client_secret: 'not printed', org_code: 'QWO' }],
      }),
    );
    const [user, client] = describeDemoAccounts(file);
    expect(user).toContain('icb.input');
    expect(user).toContain('Priya Shah');
    expect(user).toContain('QWO NHS West Yorkshire ICB (scrt-data-input); Y56 (Analyst)');
    expect(client).toContain('wy-case-system');
    expect(client).toContain('QWO');
    expect(client).not.toContain('not printed');
  });

  it('tolerates a file still taking shape', () => {
    expect(describeDemoAccounts('/nowhere/demo-accounts.json')).toEqual([]);
    expect(describeDemoAccounts(accountsFile('{"clients": "none"}'))).toEqual([]);
    expect(describeDemoAccounts(accountsFile(JSON.stringify({ users: [{ username: 'x', roles: 'none' }] })))[0]).toContain('x');
    expect(describeDemoAccounts(accountsFile('{ not json'))[0]).toContain('could not read');
  });
});
