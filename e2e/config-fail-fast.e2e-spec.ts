import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Boots a built app with the given environment only; it must stop at once, naming what is wrong. */
function boot(app: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(root, 'dist/apps', app, 'src/main.js')], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
}

describe('configuration is validated at boot', () => {
  it.each(['case-intake', 'reviews', 'reference-data', 'reporting', 'gateway', 'dev-identity'])('%s stops with exit code 1, naming a missing variable', (app) => {
    const result = boot(app, { LOG_LEVEL: 'info' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT is missing');
  });

  it('names a malformed variable and not the valid ones', () => {
    const result = boot('reviews', { PORT: 'eighty', DATABASE_URL: 'mysql://nope', INTERNAL_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT is invalid');
    expect(result.stderr).toContain('DATABASE_URL is invalid');
    expect(result.stderr).not.toContain('INTERNAL_JWT_PUBLIC_KEY');
  });
});
