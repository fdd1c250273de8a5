import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { StackStartError } from './errors.js';
import { brokerProperties, kafkaVersionOf, log4jConfig, newClusterId } from './kafka-config.js';
import { spawnLogged, type RecordedProcess, type StopStep } from './processes.js';
import { waitUntil } from './readiness.js';
import { run } from './run.js';

export interface EmbeddedKafkaOptions {
  root: string;
  /** Shared cache of jars: <jarsCacheDir>/lib-<version>. */
  jarsCacheDir: string;
  /** Configuration and data of this broker (data kept while the directory is kept). */
  kafkaDir: string;
  brokerPort: number;
  controllerPort: number;
  logFile: string;
  onSpawn: (recorded: RecordedProcess) => void;
  signal?: AbortSignal;
}

/** A controlled shutdown of a single node takes a few seconds. */
export const kafkaStopSteps: StopStep[] = [
  ['SIGTERM', 30_000],
  ['SIGKILL', 5_000],
];

const completeMarker = '.complete';

/** Copies the broker's jars from Maven (Central or ~/.m2) once per Kafka version. */
export async function ensureKafkaJars(root: string, jarsCacheDir: string): Promise<string> {
  const pom = join(root, 'scripts', 'kafka', 'pom.xml');
  const libDir = join(jarsCacheDir, `lib-${kafkaVersionOf(readFileSync(pom, 'utf8'))}`);
  if (existsSync(join(libDir, completeMarker))) {
    return libDir;
  }
  // Per process: `npm start` and `npm test` may both be fetching the first time.
  const partialDir = `${libDir}.partial-${process.pid}`;
  await run('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${partialDir}`, '-DincludeScope=runtime']).catch(
    (error: Error) => {
      rmSync(partialDir, { recursive: true, force: true });
      throw new StackStartError(`Could not fetch Kafka with Maven (or set KAFKA_BROKERS to use a running broker).\n${error.message}`);
    },
  );
  if (existsSync(join(libDir, completeMarker))) {
    rmSync(partialDir, { recursive: true, force: true });
    return libDir;
  }
  writeFileSync(join(partialDir, completeMarker), '');
  rmSync(libDir, { recursive: true, force: true });
  renameSync(partialDir, libDir);
  return libDir;
}

function java(libDir: string, mainClass: string, args: string[], jvmOptions: string[]): [string, string[]] {
  return ['java', [...jvmOptions, '-cp', join(libDir, '*'), mainClass, ...args]];
}

export function brokersOf(port: number): string {
  return `127.0.0.1:${port}`;
}

/** The broker answers metadata requests (its port accepting is not enough). */
export async function probeBroker(brokers: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'scrt-stack-probe',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

/**
 * A development broker's memory: a heap that starts small and grows on demand (it was -Xms256m
 * -Xmx512m, 340 MiB resident at idle), a capped JIT code cache and metaspace. A small young
 * generation and a heap that gives back what it does not use after a collection keep its idle
 * footprint down (the young generation alone was 33 MiB committed at idle).
 */
export const brokerMemoryOptions = [
  '-Xms32m',
  '-Xmx256m',
  '-Xmn8m',
  '-XX:MinHeapFreeRatio=10',
  '-XX:MaxHeapFreeRatio=25',
  '-XX:ReservedCodeCacheSize=32m',
  '-XX:MaxMetaspaceSize=96m',
  '-XX:MaxDirectMemorySize=64m',
];

/** Resolves the jars, formats the log directory on first use, starts the broker; returns its address. */
export async function startEmbeddedKafka(options: EmbeddedKafkaOptions): Promise<string> {
  const libDir = await ensureKafkaJars(options.root, options.jarsCacheDir);
  const dataDir = join(options.kafkaDir, 'data');
  const propertiesFile = join(options.kafkaDir, 'server.properties');
  const log4jFile = join(options.kafkaDir, 'log4j2.yaml');
  mkdirSync(options.kafkaDir, { recursive: true });
  writeFileSync(propertiesFile, brokerProperties({ brokerPort: options.brokerPort, controllerPort: options.controllerPort, logDir: dataDir }));
  writeFileSync(log4jFile, log4jConfig);
  // C1-only JIT and the serial collector: ~1.5 s faster to start on two cores; a development
  // broker's load never needs the optimising compiler.
  const jvmOptions = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', `-Dlog4j2.configurationFile=${log4jFile}`];

  if (!existsSync(join(dataDir, 'meta.properties'))) {
    const [command, args] = java(libDir, 'kafka.tools.StorageTool', ['format', '-t', newClusterId(), '-c', propertiesFile], jvmOptions);
    await run(command, args);
  }

  const [command, args] = java(libDir, 'kafka.Kafka', [propertiesFile], [...brokerMemoryOptions, ...jvmOptions]);
  const broker = await spawnLogged(command, args, { cwd: options.kafkaDir, env: process.env, logFile: options.logFile });
  options.onSpawn(broker);
  const brokers = brokersOf(options.brokerPort);
  await waitUntil({ name: 'Kafka', pid: broker.pid, logFile: options.logFile, timeoutMs: 60_000, signal: options.signal }, () => probeBroker(brokers));
  return brokers;
}

/** An external cluster (KAFKA_BROKERS): only check that it answers. */
export async function checkKafka(brokers: string): Promise<void> {
  await probeBroker(brokers).catch((error: Error) => {
    throw new StackStartError(`KAFKA_BROKERS=${brokers} does not answer: ${error.message}`);
  });
}
