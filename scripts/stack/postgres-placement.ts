import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { StackStartError } from './errors.js';

/** The two PostgreSQL programs the stack runs. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** An OS user other than the caller that the server runs as (root cannot run PostgreSQL). */
export interface ServerUser {
  uid: number;
  gid: number;
}

export interface PostgresPlacement {
  binaries: PostgresBinaries;
  /** The data directory the server is given (the requested one, or where it was moved). */
  dataDir: string;
  /** Set when the binaries or the data had to move out of the clone. */
  relocatedTo?: string;
}

/**
 * A folder every user may traverse, kept across reboots where the system has one. Relocated
 * binaries and data go below it, one folder per clone, so two clones never share data.
 */
export const DEFAULT_RELOCATION_BASE = existsSync('/var/tmp') ? '/var/tmp/scrt-postgres' : '/tmp/scrt-postgres';

/** True when `user` may traverse `path`'s nearest existing folder (or run it, for a file). */
export function canReach(user: ServerUser, path: string): boolean {
  let existing = resolve(path);
  while (!existsSync(existing)) existing = dirname(existing);
  return spawnSync('test', ['-x', existing], { uid: user.uid, gid: user.gid }).status === 0;
}

/**
 * Running as root, PostgreSQL runs as another user, who cannot reach a clone under a folder of
 * mode 0700 (`/root`, `mktemp -d`). Then the binaries are copied, and the data directory is
 * created, below a world-traversable folder, and the requested data directory becomes a symbolic
 * link to it: the data still shows where it is expected, and deleting the stack folder (which
 * the test profile does on every run) drops the link, which is how a new start knows the moved
 * data is stale and starts afresh.
 */
export function placePostgres(
  binaries: PostgresBinaries,
  dataDir: string,
  user: ServerUser | undefined,
  relocationBase = DEFAULT_RELOCATION_BASE,
): PostgresPlacement {
  if (!user || (canReach(user, binaries.postgres) && canReach(user, dataDir))) {
    return { binaries, dataDir };
  }
  mkdirSync(relocationBase, { recursive: true, mode: 0o755 });
  chmodSync(relocationBase, 0o755);
  const movedBinaries = canReach(user, binaries.postgres) ? binaries : copyBinaries(binaries, relocationBase);
  const movedDataDir = canReach(user, dataDir) ? dataDir : linkDataDir(dataDir, relocationBase);
  return { binaries: movedBinaries, dataDir: movedDataDir, relocatedTo: relocationBase };
}

/** `native/bin/postgres` → `native`: the folder the package ships (bin, lib, share). */
function nativeRootOf(binaries: PostgresBinaries): string {
  return dirname(dirname(binaries.postgres));
}

function copyBinaries(binaries: PostgresBinaries, relocationBase: string): PostgresBinaries {
  const nativeRoot = nativeRootOf(binaries);
  const target = join(relocationBase, `binaries-${fingerprint(nativeRoot)}`);
  if (!existsSync(target)) {
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    // verbatimSymlinks keeps the libraries' relative links (libpq.so -> libpq.so.5) as they are.
    cpSync(nativeRoot, partial, { recursive: true, verbatimSymlinks: true });
    renameSync(partial, target);
  }
  const relocate = (file: string) => join(target, file.slice(nativeRoot.length));
  return { initdb: relocate(binaries.initdb), postgres: relocate(binaries.postgres) };
}

/** The package's version names the copy: clones of one version share it, a new version gets its own. */
function fingerprint(nativeRoot: string): string {
  const packageJson = join(dirname(nativeRoot), 'package.json');
  const version = existsSync(packageJson) ? (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version : undefined;
  return createHash('sha256').update(version ?? nativeRoot).digest('hex').slice(0, 16);
}

function linkDataDir(dataDir: string, relocationBase: string): string {
  const requested = resolve(dataDir);
  const target = join(relocationBase, `data-${createHash('sha256').update(requested).digest('hex').slice(0, 16)}`);
  if (!isSymbolicLink(requested)) {
    if (existsSync(requested)) {
      throw new StackStartError(`${requested} exists, but the PostgreSQL server user cannot reach it; move it away and start again.`);
    }
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(requested), { recursive: true });
    symlinkSync(target, requested);
  }
  if (!existsSync(target)) {
    mkdirSync(target, { mode: 0o700 });
  }
  return target;
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
