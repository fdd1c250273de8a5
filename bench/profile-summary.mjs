#!/usr/bin/env node
// Summarises V8 CPU profiles (`node --cpu-prof`) into the frames with the most self time, and the
// same grouped by package (node_modules/<pkg>, node: internals, the project's dist/ files), so
// that a profile's figures can be quoted and reproduced.
//   node bench/profile-summary.mjs <file.cpuprofile> [more...] [--top 25]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
const files = args.filter((arg, index) => !arg.startsWith('--') && index !== topIndex + 1);
if (files.length === 0) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [more...] [--top 25]');
  process.exit(2);
}

/** Self time in ms per node id: each sample is charged to its leaf, for the gap to the next. */
export function selfTimes(profile) {
  const self = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let index = 0; index < samples.length; index += 1) {
    const next = timeDeltas[index + 1] ?? 0;
    self.set(samples[index], (self.get(samples[index]) ?? 0) + Math.max(0, next) / 1000);
  }
  return self;
}

function shortUrl(url) {
  if (!url) return '';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, '');
}

function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1).split('/').slice(0, 3).join('/');
  return shortUrl(url);
}

const pct = (value, total) => `${((100 * value) / total).toFixed(1)}%`.padStart(6);

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const self = selfTimes(profile);
  const byFrame = new Map();
  const byPackage = new Map();
  let total = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    total += ms;
    const frame = `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + ms);
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  const wall = (profile.endTime - profile.startTime) / 1000;
  console.log(`\n${file}\n  wall ${(wall / 1000).toFixed(1)} s, busy ${(total / 1000).toFixed(1)} s (idle ${(idle / 1000).toFixed(1)} s)`);
  console.log(`  top ${top} frames by self time (share of busy time):`);
  for (const [frame, ms] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(ms, total)} ${ms.toFixed(0).padStart(7)} ms  ${frame}`);
  console.log('  self time by package:');
  for (const [pkg, ms] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(ms, total)} ${ms.toFixed(0).padStart(7)} ms  ${pkg}`);
}
