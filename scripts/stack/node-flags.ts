import type { AppName } from './apps-catalog.js';

/** Flags for every app's `node`, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles`. */
export const ALL_APPS_NODE_FLAGS = 'SCRT_APP_NODE_FLAGS';

/** The variable with flags for one app only: `SCRT_APP_NODE_FLAGS_CASE_INTAKE` for case-intake. */
export function appNodeFlagsVariable(name: AppName): string {
  return `${ALL_APPS_NODE_FLAGS}_${name.toUpperCase().replace(/-/g, '_')}`;
}

/** The extra flags an app's `node` gets from the environment: the general ones, then its own. */
export function extraNodeFlags(name: AppName, env: NodeJS.ProcessEnv = process.env): string[] {
  return [env[ALL_APPS_NODE_FLAGS], env[appNodeFlagsVariable(name)]].flatMap((value) => value?.split(/\s+/).filter(Boolean) ?? []);
}
