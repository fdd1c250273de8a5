import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appEntryPoint, appNames, type AppName } from './apps-catalog.js';
import { serviceUrl, type AppEnvironments } from './app-env.js';
import { StackStartError } from './errors.js';
import { extraNodeFlags } from './node-flags.js';
import { logFile, type StackPaths } from './paths.js';
import type { StackPorts } from './ports.js';
import { spawnLogged } from './processes.js';
import { probeHealthReady, waitUntil } from './readiness.js';
import { settleAll } from './settle.js';
import type { RecordedApp } from './state.js';

/** How to (re)start an app: everything recorded about it except its current process. */
export type AppLaunch = Omit<RecordedApp, 'pid' | 'replacedPids'>;

export const appReadyTimeoutMs = 60_000;

/**
 * A 1 MiB young generation: the whole stack 1.20 -> 1.02 GiB resident at idle, with no measurable
 * CPU cost per request (bench/request-path.mjs --fixed-rate 30). No --enable-source-maps: it loads
 * every module's source map (one app 136 -> 96 MiB resident 20 s after start without it).
 * SCRT_APP_NODE_FLAGS comes later, so it can override either (V8 takes the last value).
 */
export const DEFAULT_NODE_FLAGS = ['--max-semi-space-size=1'];

export function appLaunch(paths: StackPaths, ports: StackPorts, name: AppName, env: Record<string, string>): AppLaunch {
  return {
    name,
    port: ports[name],
    url: serviceUrl(ports, name),
    cwd: paths.root,
    command: process.execPath,
    args: [...DEFAULT_NODE_FLAGS, ...extraNodeFlags(name), join(paths.root, appEntryPoint(name))],
    env,
    envOverrides: {},
    logFile: logFile(paths, name),
  };
}

/** Starts one app process; `consolePrefix` also copies its output onto the console. */
export async function launchApp(launch: AppLaunch, consolePrefix?: string): Promise<RecordedApp> {
  const entryPoint = join(launch.cwd, appEntryPoint(launch.name));
  if (!existsSync(entryPoint)) {
    throw new StackStartError(`${entryPoint} does not exist: the build produced no ${launch.name} app.`);
  }
  const { pid } = await spawnLogged(launch.command, launch.args, {
    cwd: launch.cwd,
    env: { ...process.env, ...launch.env, ...launch.envOverrides },
    logFile: launch.logFile,
    consolePrefix,
  });
  return { ...launch, pid, replacedPids: [] };
}

export function waitForApp(app: RecordedApp, timeoutMs = appReadyTimeoutMs, signal?: AbortSignal): Promise<void> {
  return waitUntil({ name: app.name, pid: app.pid, logFile: app.logFile, timeoutMs, signal }, () => probeHealthReady(app.url));
}

export interface StartAppsOptions {
  paths: StackPaths;
  ports: StackPorts;
  environments: AppEnvironments;
  /** Copy app output onto the console (npm start) rather than only into the log files. */
  showOutput: boolean;
  onSpawn: (app: RecordedApp) => void;
  signal?: AbortSignal;
}

const prefixColours = [36, 33, 35, 32, 34, 31];

export function consolePrefix(name: AppName): string {
  const label = `${name.padEnd(14)} │ `;
  const colour = prefixColours[appNames.indexOf(name) % prefixColours.length];
  return process.stdout.isTTY ? `\u001b[${colour}m${label}\u001b[0m` : label;
}

/** dev-identity and the services together, then the gateway (it discovers the issuer at boot). */
export async function startApps(options: StartAppsOptions): Promise<void> {
  const startAndWait = async (name: AppName) => {
    const launch = appLaunch(options.paths, options.ports, name, options.environments[name]);
    const app = await launchApp(launch, options.showOutput ? consolePrefix(name) : undefined);
    options.onSpawn(app);
    await waitForApp(app, appReadyTimeoutMs, options.signal);
  };
  await settleAll(appNames.filter((name) => name !== 'gateway').map(startAndWait));
  await startAndWait('gateway');
}
