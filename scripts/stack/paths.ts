import { join } from 'node:path';

/** `dev` is `npm start` (data kept between runs); `test` is the Jest stack (wiped every run). */
export type StackProfile = 'dev' | 'test';

export interface StackPaths {
  root: string;
  /** Everything one profile writes: data, logs, configuration, the state file. */
  stackDir: string;
  stateFile: string;
  logsDir: string;
  postgresDataDir: string;
  kafkaDir: string;
  identityDataDir: string;
  /** Kafka's jars, shared by both profiles and kept between runs. */
  kafkaJarsCacheDir: string;
}

export function stackPaths(root: string, profile: StackProfile): StackPaths {
  const stackDir = join(root, '.local', `${profile}-stack`);
  return {
    root,
    stackDir,
    stateFile: join(stackDir, 'stack.json'),
    logsDir: join(stackDir, 'logs'),
    postgresDataDir: join(stackDir, 'postgres'),
    kafkaDir: join(stackDir, 'kafka'),
    identityDataDir: join(stackDir, 'dev-identity'),
    kafkaJarsCacheDir: join(root, '.local', 'kafka'),
  };
}

export function logFile(paths: StackPaths, name: string): string {
  return join(paths.logsDir, `${name}.log`);
}
