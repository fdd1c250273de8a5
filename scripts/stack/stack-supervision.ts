import { appNames, type AppName } from './apps-catalog.js';
import { appReadyTimeoutMs, consolePrefix, launchApp, waitForApp } from './apps.js';
import { startEmbeddedKafka } from './kafka.js';
import { logFile, type StackPaths, type StackProfile } from './paths.js';
import type { StackPorts } from './ports.js';
import { startEmbeddedPostgres } from './postgres.js';
import type { RecordedProcess } from './processes.js';
import { isHeldInState, readState, updateState } from './state.js';
import { Supervisor, type SupervisedUnit } from './supervisor.js';

export interface SupervisionOptions {
  profile: StackProfile;
  paths: StackPaths;
  ports: StackPorts;
  /** Only what the stack itself started is supervised (not an external DATABASE_URL or KAFKA_BROKERS). */
  embeddedPostgres: boolean;
  embeddedKafka: boolean;
  showOutput: boolean;
  log: (line: string) => void;
}

function appUnit(options: SupervisionOptions, name: AppName): SupervisedUnit {
  const { stateFile } = options.paths;
  return {
    name,
    current: () => readState(stateFile)?.apps[name],
    held: () => isHeldInState(readState(stateFile), name),
    restart: async () => {
      const previous = readState(stateFile)?.apps[name];
      if (previous === undefined) return;
      const { pid: _pid, replacedPids, ...launch } = previous;
      const restarted = await launchApp(launch, options.showOutput ? consolePrefix(name) : undefined);
      updateState(stateFile, (state) => void (state.apps[name] = { ...restarted, replacedPids: [...replacedPids, previous.pid] }));
      await waitForApp(restarted, appReadyTimeoutMs);
    },
  };
}

/** The database or the broker: recorded at the top of the state file. */
function infrastructureUnit(options: SupervisionOptions, name: 'postgres' | 'kafka', restart: (record: (started: RecordedProcess) => void) => Promise<unknown>): SupervisedUnit {
  const { stateFile } = options.paths;
  return {
    name,
    current: () => readState(stateFile)?.[name],
    held: () => isHeldInState(readState(stateFile), name),
    restart: async () => void (await restart((started) => updateState(stateFile, (state) => void (state[name] = started)))),
  };
}

const postgresUnit = (options: SupervisionOptions) =>
  infrastructureUnit(options, 'postgres', (onSpawn) =>
    startEmbeddedPostgres({
      dataDir: options.paths.postgresDataDir,
      port: options.ports.postgres,
      logFile: logFile(options.paths, 'postgres'),
      durable: options.profile === 'dev',
      onSpawn,
    }),
  );

const kafkaUnit = (options: SupervisionOptions) =>
  infrastructureUnit(options, 'kafka', (onSpawn) =>
    startEmbeddedKafka({
      root: options.paths.root,
      jarsCacheDir: options.paths.kafkaJarsCacheDir,
      kafkaDir: options.paths.kafkaDir,
      brokerPort: options.ports.kafka,
      controllerPort: options.ports['kafka-controller'],
      logFile: logFile(options.paths, 'kafka'),
      onSpawn,
    }),
  );

/** Keeps the database, the broker and every app of a started stack running (see Supervisor). */
export function superviseStack(options: SupervisionOptions): Supervisor {
  const units = [
    ...(options.embeddedPostgres ? [postgresUnit(options)] : []),
    ...(options.embeddedKafka ? [kafkaUnit(options)] : []),
    ...appNames.map((name) => appUnit(options, name)),
  ];
  return new Supervisor(units, { log: options.log }).start();
}
