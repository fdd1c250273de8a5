import { randomBytes } from 'node:crypto';
import { buildAppEnvironments, generateTestSigningKey, publicUrl, serviceUrl } from './app-env.js';
import { startApps } from './apps.js';
import { appNames, serviceNames, type ServiceName } from './apps-catalog.js';
import { checkKafka, startEmbeddedKafka } from './kafka.js';
import { migrateDatabase } from './migrate.js';
import { logFile, stackPaths, type StackPaths, type StackProfile } from './paths.js';
import { assertPortsFree, portClaims, resolvePorts, type StackPorts } from './ports.js';
import { checkDatabase, startEmbeddedPostgres } from './postgres.js';
import type { RecordedProcess } from './processes.js';
import { generateSecrets, type StackSecrets } from './secrets.js';
import { seedReferenceData } from './seed.js';
import { CASE_INTAKE_ROLE, grantCaseIntakeRole } from './service-roles.js';
import { settleAll } from './settle.js';
import { writeState, type StackState } from './state.js';
import { superviseStack } from './stack-supervision.js';
import { StepRunner, type StepTiming } from './steps.js';
import type { Supervisor } from './supervisor.js';
import { clearLeftovers, stopStack } from './stop.js';
import { createMissingTopics } from './topics.js';

export { stopStackRecordedIn } from './stop.js';

export interface StartStackOptions {
  profile: StackProfile;
  /** The repository root (where dist/, prisma/ and .local/ are). */
  root: string;
  ports?: Partial<StackPorts>;
  /** Database, broker, topics, migrations and seed only: no apps. */
  infraOnly?: boolean;
  /** Where progress lines go; console.log by default. */
  log?: (line: string) => void;
  /** Read for DATABASE_URL, KAFKA_BROKERS, OIDC_ISSUER (dev only), LOG_LEVEL; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Aborting interrupts the start: what was started is stopped and startStack rejects. */
  signal?: AbortSignal;
  /** Restart crashed processes once started (default true). */
  supervise?: boolean;
}

export interface StackUrls {
  gateway: string;
  identity: string;
  services: Record<ServiceName, string>;
}

export interface StackHandle {
  profile: StackProfile;
  paths: StackPaths;
  ports: StackPorts;
  databaseUrl: string;
  kafkaBrokers: string;
  urls: StackUrls;
  secrets: StackSecrets;
  timings: StepTiming[];
  /** Restarts what crashes (undefined when not supervised). */
  supervisor?: Supervisor;
  /** Stops every process the stack recorded (including apps restarted by tests), apps first. */
  stop(): Promise<void>;
}

export async function startStack(options: StartStackOptions): Promise<StackHandle> {
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const paths = stackPaths(options.root, options.profile);
  await clearLeftovers(paths, options.profile, log);

  const ports = resolvePorts(options.profile, options.ports, env);
  const externalDatabaseUrl = env.DATABASE_URL || undefined;
  const externalKafkaBrokers = env.KAFKA_BROKERS || undefined;
  await assertPortsFree(
    portClaims(ports, { postgres: !externalDatabaseUrl, kafka: !externalKafkaBrokers, apps: options.infraOnly ? [] : appNames }),
  );

  const state: StackState = { profile: options.profile, owner: currentProcess(), apps: {} };
  const record = (change: (state: StackState) => void) => {
    change(state);
    writeState(paths.stateFile, state);
  };
  record(() => undefined);
  const steps = new StepRunner(log, options.signal);
  try {
    const [databaseUrl, kafkaBrokers] = await settleAll([
      steps.run(
        'PostgreSQL',
        async () =>
          externalDatabaseUrl === undefined
            ? startEmbeddedPostgres({
                dataDir: paths.postgresDataDir,
                port: ports.postgres,
                logFile: logFile(paths, 'postgres'),
                durable: options.profile === 'dev',
                onSpawn: (server) => record((s) => (s.postgres = server)),
                signal: options.signal,
              })
            : checkDatabase(externalDatabaseUrl).then(() => externalDatabaseUrl),
        (url) => redactPassword(url),
      ),
      steps.run(
        'Kafka',
        async () =>
          externalKafkaBrokers === undefined
            ? startEmbeddedKafka({
                root: paths.root,
                jarsCacheDir: paths.kafkaJarsCacheDir,
                kafkaDir: paths.kafkaDir,
                brokerPort: ports.kafka,
                controllerPort: ports['kafka-controller'],
                logFile: logFile(paths, 'kafka'),
                onSpawn: (broker) => record((s) => (s.kafka = broker)),
                signal: options.signal,
              })
            : checkKafka(externalKafkaBrokers).then(() => externalKafkaBrokers),
        (brokers) => brokers,
      ),
    ]);
    record((s) => Object.assign(s, { databaseUrl, kafkaBrokers }));
    await settleAll([
      steps.run('topics', () => createMissingTopics(kafkaBrokers), (created) => (created.length ? `created ${created.join(', ')}` : 'all exist')),
      steps.run('migrations', () => migrateDatabase(paths.root, databaseUrl), (schemas) => (schemas.length ? schemas.join(', ') : 'no prisma schemas yet')),
    ]);
    await steps.run('reference data', () => seedReferenceData(paths.root, databaseUrl), (seeded) => (seeded ? 'seeded' : 'no seed yet'));

    const secrets = generateSecrets();
    if (!options.infraOnly) {
      const caseIntakeDatabaseUrl = await steps.run('database roles', () => grantCaseIntakeRole(databaseUrl, randomBytes(24).toString('hex')), () => CASE_INTAKE_ROLE);
      const environments = buildAppEnvironments({
        ports,
        databaseUrl,
        caseIntakeDatabaseUrl,
        kafkaBrokers,
        secrets,
        identityDataDir: paths.identityDataDir,
        logLevel: env.LOG_LEVEL || 'info',
        oidcIssuer: options.profile === 'dev' ? env.OIDC_ISSUER || undefined : undefined,
        identityTestSigningKey: options.profile === 'test' ? generateTestSigningKey() : undefined,
      });
      await steps.run(
        'apps',
        () =>
          startApps({
            paths,
            ports,
            environments,
            showOutput: options.profile === 'dev',
            onSpawn: (app) => record((s) => (s.apps[app.name] = app)),
            signal: options.signal,
          }),
        () => appNames.join(', '),
      );
    }
    const supervisor =
      options.supervise === false
        ? undefined
        : superviseStack({
            profile: options.profile,
            paths,
            ports,
            embeddedPostgres: externalDatabaseUrl === undefined,
            embeddedKafka: externalKafkaBrokers === undefined,
            showOutput: options.profile === 'dev',
            log,
          });
    return {
      profile: options.profile,
      paths,
      ports,
      databaseUrl,
      kafkaBrokers,
      urls: stackUrls(ports),
      secrets,
      timings: steps.timings,
      supervisor,
      stop: async () => {
        await supervisor?.stop();
        await stopStack(paths.stateFile, state);
      },
    };
  } catch (error) {
    await stopStack(paths.stateFile, state);
    throw error;
  }
}

export function stackUrls(ports: StackPorts): StackUrls {
  return {
    gateway: publicUrl(ports, 'gateway'),
    identity: publicUrl(ports, 'dev-identity'),
    services: Object.fromEntries(serviceNames.map((name) => [name, serviceUrl(ports, name)])) as Record<ServiceName, string>,
  };
}

function currentProcess(): RecordedProcess {
  return { pid: process.pid, command: process.argv0, args: process.argv.slice(1) };
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
