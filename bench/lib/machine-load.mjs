// How busy the machine was during a measurement, so a noisy run can be spotted.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

function cpuTimes() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { idle, total };
}

/** Runs `action`, and returns its result with the share of CPU busy while it ran. */
export async function withMachineLoad(action) {
  const before = cpuTimes();
  const result = await action();
  const after = cpuTimes();
  const busy = 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
  return { ...result, cpuBusy: busy };
}

export function describeMachine() {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`;
}
