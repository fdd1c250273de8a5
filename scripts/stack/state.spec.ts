import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readState, removeState, updateState, writeState, type StackState } from './state.js';

const state: StackState = {
  profile: 'test',
  owner: { pid: 1234, command: 'node', args: ['jest'] },
  postgres: { pid: 2000, command: '/bin/postgres', args: ['-D', '/data'] },
  apps: {},
};

describe('stack state file', () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'scrt-state-')), 'nested', 'stack.json');

  it('round-trips, readable by its owner only', () => {
    writeState(stateFile, state);
    expect(readState(stateFile)).toEqual(state);
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
  });

  it('updates in place', () => {
    writeState(stateFile, state);
    updateState(stateFile, (current) => (current.kafkaBrokers = '127.0.0.1:19092'));
    expect(readState(stateFile)?.kafkaBrokers).toBe('127.0.0.1:19092');
  });

  it('is absent once removed, and updating it then says the stack is not running', () => {
    removeState(stateFile);
    expect(readState(stateFile)).toBeUndefined();
    expect(() => updateState(stateFile, () => undefined)).toThrow('is the stack running?');
  });
});
