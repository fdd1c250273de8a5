import { expect } from '@jest/globals';
import { queryTestDatabase, type ApiResponse } from '@scrt/testing';

export async function countRows(table: string, where = 'true', values: unknown[] = []): Promise<number> {
  const [row] = await queryTestDatabase<{ count: string }>(`SELECT count(*) FROM ${table} WHERE ${where}`, values);
  return Number(row.count);
}

interface CaseloadBody {
  rows: { regionCode: string; organisationCode: string; reviewType: string; cases: number }[];
  totalCases: number;
}

export function casesFor(body: CaseloadBody, organisationCode: string, reviewType: string): number {
  return body.rows.find((row) => row.organisationCode === organisationCode && row.reviewType === reviewType)?.cases ?? 0;
}

export type { CaseloadBody };

/** A problem document as the API answers it, with field details (and CSV line/column for imports). */
export interface Problem {
  code: string;
  errors?: { field: string; code: string; message?: string; line?: number; column?: string }[];
}

/** The answer is a problem+json of this status and code, naming `field` among its errors when given. */
export function expectProblem(response: ApiResponse, status: number, code: string, field?: string): Problem {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const problem = response.body as unknown as Problem;
  expect(problem.code).toBe(code);
  if (field) expect(problem.errors?.map((error) => error.field)).toContain(field);
  return problem;
}
