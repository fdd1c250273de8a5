import { basePreset } from './jest.preset.mjs';

/**
 * Integration (`*.int-spec.ts`) and end-to-end (`e2e/**\/*.e2e-spec.ts`) tests. One global setup
 * starts the real stack (PostgreSQL, Kafka, dev-identity, every service, the gateway) once.
 */
export default {
  ...basePreset,
  displayName: 'stack',
  testMatch: ['<rootDir>/apps/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/scripts/**/*.int-spec.ts', '<rootDir>/e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
