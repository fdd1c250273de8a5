// The processes under a root process, with their resident memory, for whole-stack figures.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Proportional set size (shared pages split between their users), when the kernel reports it. */
function pssKiB(pid) {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Every descendant of `rootPid` (and the root itself when `includeRoot`), with RSS and PSS in KiB. */
export function processTree(rootPid, { includeRoot = false } = {}) {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, rss, ...args]) => ({ pid: Number(pid), ppid: Number(ppid), rssKiB: Number(rss), command: args.join(' ').slice(0, 90) }));
  const tree = includeRoot ? table.filter((row) => row.pid === rootPid) : [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    for (const row of table.filter((candidate) => candidate.ppid === pid)) {
      tree.push(row);
      queue.push(row.pid);
    }
  }
  return tree.map((row) => ({ ...row, pssKiB: pssKiB(row.pid) ?? row.rssKiB }));
}

/** Totals and the largest processes, as printed lines. */
export function describeMemory(tree, largest = 12) {
  const mib = (kib) => (kib / 1024).toFixed(0);
  const rss = tree.reduce((sum, row) => sum + row.rssKiB, 0);
  const pss = tree.reduce((sum, row) => sum + row.pssKiB, 0);
  return [
    `resident memory: ${mib(rss)} MiB RSS (${(rss / 1024 / 1024).toFixed(2)} GiB), ${mib(pss)} MiB PSS (shared pages counted once) in ${tree.length} processes`,
    ...[...tree].sort((a, b) => b.rssKiB - a.rssKiB).slice(0, largest).map((row) => `  ${mib(row.rssKiB).padStart(5)} MiB RSS ${mib(row.pssKiB).padStart(5)} MiB PSS  ${row.command} (${row.pid})`),
  ];
}
