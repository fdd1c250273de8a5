import { basePreset } from './jest.preset.mjs';

/** Unit tests: `*.spec.ts` beside the code; no database, broker or network. */
export default {
  ...basePreset,
  displayName: 'unit',
  // `npm test` runs these beside the stack's tests on 2 cores: a test that builds the OpenAPI
  // document from every service's modules takes seconds there, not milliseconds.
  testTimeout: 60_000,
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/prisma/**/*.spec.ts', '<rootDir>/deploy/**/*.spec.ts'],
};
