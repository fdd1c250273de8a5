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
  it('lists each user with name and roles at their organisations', () => {
    const file = accountsFile(
      JSON.stringify({
        users: [
          {
            username: 'sally.lead',
            name: 'Sally Lead',
            roles: [
              { org_code: 'RX1', role_name: 'safeguarding_lead' },
              { org_code: 'Y56', role_name: 'reviewer' },
            ],
          },
        ],
        clients: [{ client_id: 'reporting-job', org_code: 'X26' }],
      }),
    );
    const [line] = describeDemoAccounts(file);
    expect(line).toContain('sally.lead');
    expect(line).toContain('Sally Lead');
    expect(line).toContain('safeguarding_lead @ RX1, reviewer @ Y56');
  });

  it('prints a password when the file has one', () => {
    const file = accountsFile(JSON.stringify({ users: [{ username: 'a', name: 'A', password: 'demo', roles: [] }] }));
    expect(describeDemoAccounts(file)[0]).toContain('password: demo');
  });

  it('tolerates a file still taking shape', () => {
    expect(describeDemoAccounts('/nowhere/demo-accounts.json')).toEqual([]);
    expect(describeDemoAccounts(accountsFile('{"clients": []}'))).toEqual([]);
    expect(describeDemoAccounts(accountsFile(JSON.stringify({ users: [{ username: 'x', roles: 'none' }] })))[0]).toContain('x');
    expect(describeDemoAccounts(accountsFile('{ not json'))[0]).toContain('could not read');
  });
});
