import { basePreset } from './jest.preset.mjs';

/** Unit tests: `*.spec.ts` beside the code; no database, broker or network. */
export default {
  ...basePreset,
  displayName: 'unit',
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts', '<rootDir>/prisma/**/*.spec.ts', '<rootDir>/deploy/**/*.spec.ts'],
};
