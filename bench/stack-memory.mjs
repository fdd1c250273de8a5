#!/usr/bin/env node
// Resident memory of a running `npm start` stack: every process under its owner (recorded in
// .local/dev-stack/stack.json), the owner included. Usage: node bench/stack-memory.mjs [--state file]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeMemory, processTree } from './lib/process-tree.mjs';

const root = path.resolve(import.meta.dirname, '..');
const stateIndex = process.argv.indexOf('--state');
const stateFile = stateIndex > 0 ? process.argv[stateIndex + 1] : path.join(root, '.local/dev-stack/stack.json');
const { owner } = JSON.parse(readFileSync(stateFile, 'utf8'));
const tree = processTree(owner.pid, { includeRoot: true });
if (tree.length <= 1) {
  console.error(`no stack runs under pid ${owner.pid} (${stateFile})`);
  process.exit(1);
}
for (const line of describeMemory(tree)) console.log(line);
