// CPU time the stack's own processes spend, read from /proc: unlike latency, it hardly moves
// when other users load the machine, so it compares two builds fairly on a shared host.
import { readFileSync } from 'node:fs';
import { processTree } from './process-tree.mjs';

const TICKS_PER_SECOND = 100;

/** utime + stime of one process in ms (0 when it has gone). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The processes to watch: the gateway, each service, and PostgreSQL with its backends. */
export function stackProcesses(stateFile) {
  let state;
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch {
    return undefined;
  }
  const groups = {};
  for (const name of ['gateway', 'case-intake', 'reporting']) if (state.apps?.[name]) groups[name] = () => [state.apps[name].pid];
  if (state.postgres) groups.postgres = () => [state.postgres.pid, ...processTree(state.postgres.pid).map((row) => row.pid)];
  return groups;
}

/** Runs `action`, and returns its result with each group's CPU ms per request. */
export async function withStackCpu(groups, action) {
  if (!groups) return action();
  const before = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids().map((pid) => [pid, cpuMs(pid)])]));
  const result = await action();
  const perRequest = {};
  for (const [name, pids] of Object.entries(groups)) {
    const start = new Map(before[name]);
    const spent = pids().reduce((sum, pid) => sum + cpuMs(pid) - (start.get(pid) ?? 0), 0);
    perRequest[name] = spent / Math.max(1, result.requests - result.dropped);
  }
  return { ...result, cpuMsPerRequest: perRequest };
}

export function describeCpu(result) {
  if (!result?.cpuMsPerRequest) return '';
  return Object.entries(result.cpuMsPerRequest)
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(', ');
}
