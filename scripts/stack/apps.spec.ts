import { describe, expect, it } from '@jest/globals';
import { appLaunch } from './apps.js';
import { stackPaths } from './paths.js';
import { resolvePorts } from './ports.js';

const paths = stackPaths('/repo', 'dev');
const ports = resolvePorts('dev', {}, {});

describe('appLaunch', () => {
  it('runs the built entry point with a small young generation and without source maps unless asked (both cost memory)', () => {
    delete process.env.SCRT_APP_NODE_FLAGS;
    delete process.env.SCRT_APP_NODE_FLAGS_GATEWAY;
    expect(appLaunch(paths, ports, 'gateway', {}).args).toEqual(['--max-semi-space-size=1', '/repo/dist/apps/gateway/src/main.js']);
  });

  it('puts the flags of SCRT_APP_NODE_FLAGS and SCRT_APP_NODE_FLAGS_<APP> before the entry point', () => {
    process.env.SCRT_APP_NODE_FLAGS = '--enable-source-maps';
    process.env.SCRT_APP_NODE_FLAGS_CASE_INTAKE = '--cpu-prof';
    try {
      expect(appLaunch(paths, ports, 'case-intake', {}).args).toEqual(['--max-semi-space-size=1', '--enable-source-maps', '--cpu-prof', '/repo/dist/apps/case-intake/src/main.js']);
    } finally {
      delete process.env.SCRT_APP_NODE_FLAGS;
      delete process.env.SCRT_APP_NODE_FLAGS_CASE_INTAKE;
    }
  });
});
