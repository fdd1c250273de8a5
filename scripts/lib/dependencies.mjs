import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

/**
 * Installs node_modules when missing or older than package-lock.json. npm writes
 * node_modules/.package-lock.json at the end of every install, so its age is the install's age.
 */
export async function ensureDependencies(root) {
  const lockFile = join(root, 'package-lock.json');
  const installedMarker = join(root, 'node_modules', '.package-lock.json');
  const hasLock = existsSync(lockFile);
  const upToDate = existsSync(installedMarker) && (!hasLock || statSync(installedMarker).mtimeMs >= statSync(lockFile).mtimeMs);
  if (upToDate) {
    return false;
  }
  await run('npm', [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: root });
  return true;
}

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The browser journeys drive Debian's Chromium (Playwright's own browser download is not
 * reachable from these machines); installed with apt when missing.
 */
export async function ensureChromium() {
  if (existsSync(CHROMIUM)) {
    return false;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
  }
  await run('apt-get', ['update', '-q'], {});
  await run('apt-get', ['install', '-y', '-q', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return true;
}
