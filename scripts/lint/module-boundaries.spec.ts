import path from 'node:path';
import { ESLint } from 'eslint';

/** Proves the boundary rule is live: it silently skips itself when Nx has no project graph. */
const root = path.resolve(import.meta.dirname, '../..');

async function lint(code: string, file: string) {
  const [result] = await new ESLint({ cwd: root }).lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('Nx module boundaries', () => {
  it('fail lint when an app imports another app', async () => {
    const messages = await lint("import { CasesService } from '../../case-intake/src/cases/cases.service.js';\nexport const probe = CasesService;\n", 'apps/gateway/src/boundary-probe.ts');
    expect(messages).toEqual([expect.stringContaining('@nx/enforce-module-boundaries')]);
  });

  it('let an app import a shared library through its alias', async () => {
    expect(await lint("import { Permissions } from '@scrt/contracts';\nexport const probe = Permissions;\n", 'apps/gateway/src/boundary-probe.ts')).toEqual([]);
  });
});
