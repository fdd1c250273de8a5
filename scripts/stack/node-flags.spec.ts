import { describe, expect, it } from '@jest/globals';
import { appNodeFlagsVariable, extraNodeFlags } from './node-flags.js';

describe('extraNodeFlags', () => {
  it('gives every app the general flags, then its own', () => {
    const env = { SCRT_APP_NODE_FLAGS: ' --cpu-prof  --cpu-prof-dir=/tmp/p ', SCRT_APP_NODE_FLAGS_CASE_INTAKE: '--max-old-space-size=96' };
    expect(extraNodeFlags('case-intake', env)).toEqual(['--cpu-prof', '--cpu-prof-dir=/tmp/p', '--max-old-space-size=96']);
    expect(extraNodeFlags('gateway', env)).toEqual(['--cpu-prof', '--cpu-prof-dir=/tmp/p']);
  });

  it('gives none when nothing is set', () => {
    expect(extraNodeFlags('reporting', {})).toEqual([]);
  });

  it('names the per-app variable after the app', () => {
    expect(appNodeFlagsVariable('reference-data')).toBe('SCRT_APP_NODE_FLAGS_REFERENCE_DATA');
  });
});
