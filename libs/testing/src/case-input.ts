import { CASE_INPUT_EXAMPLE } from '@scrt/contracts';

/**
 * A valid body for `POST /api/v1/cases` (the full record of issue 9) for any ICB, with the given
 * items replaced: the one builder every test, benchmark and script that records a case uses.
 */
export function caseInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...CASE_INPUT_EXAMPLE, themes: [...CASE_INPUT_EXAMPLE.themes], identifiers: CASE_INPUT_EXAMPLE.identifiers.map((identifier) => ({ ...identifier })), ...overrides };
}
