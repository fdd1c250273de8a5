#!/usr/bin/env node
// Summarises V8 CPU profiles (`node --cpu-prof`) into the frames with the most self time, and the
// same grouped by package (node_modules/<pkg>, node: internals, the project's dist/ files), so
// that a profile's figures can be quoted and reproduced.
//   node bench/profile-summary.mjs <file.cpuprofile> [more...] [--top 25] [--total 'pattern']
// --total also lists the frames whose name or file matches the pattern by total (inclusive) time.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
const totalIndex = args.indexOf('--total');
const totalPattern = totalIndex >= 0 ? new RegExp(args[totalIndex + 1]) : undefined;
const optionValueIndexes = new Set([topIndex, totalIndex].filter((index) => index >= 0).map((index) => index + 1));
const files = args.filter((arg, index) => !arg.startsWith('--') && !optionValueIndexes.has(index));
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

/** Inclusive ms per frame, each stack counted once per frame however deep the recursion. */
function totalTimes(profile, self, frameOf) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  const walk = (node, onStack) => {
    const frame = frameOf(node);
    let inclusive = self.get(node.id) ?? 0;
    const nested = new Set(onStack).add(frame);
    for (const child of node.children ?? []) inclusive += walk(byId.get(child), nested);
    if (!onStack.has(frame)) totals.set(frame, (totals.get(frame) ?? 0) + inclusive);
    return inclusive;
  };
  walk(profile.nodes[0], new Set());
  return totals;
}

const pct = (value, total) => `${((100 * value) / total).toFixed(1)}%`.padStart(6);

const frameName = ({ callFrame: { functionName, url, lineNumber } }) => `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;

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
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    total += ms;
    const frame = frameName(node);
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
  if (totalPattern) {
    console.log(`  frames matching ${totalPattern} by total time:`);
    const totals = [...totalTimes(profile, self, frameName)].filter(([frame]) => totalPattern.test(frame)).sort((a, b) => b[1] - a[1]);
    for (const [frame, ms] of totals.slice(0, top)) console.log(`  ${pct(ms, total)} ${ms.toFixed(0).padStart(7)} ms  ${frame}`);
  }
}
