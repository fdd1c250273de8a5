import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

/** Permissions on case and report data: every route that needs one must audit refused attempts. */
const AUDITED_PERMISSION = /^(case|report):/;
const OPENAPI_FILE = path.resolve(import.meta.dirname, '../../../openapi/openapi.json');

interface Operation {
  operationId?: string;
  'x-scrt-permission'?: string;
  'x-scrt-audited-resource'?: string;
}

function operationsOf(document: { paths: Record<string, Record<string, Operation>> }) {
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${route}`, operation })),
  );
}

describe('@AuditedResource on every case and report route (read from the committed OpenAPI document)', () => {
  const operations = operationsOf(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')));
  const onCaseOrReportData = operations.filter(({ operation }) => AUDITED_PERMISSION.test(operation['x-scrt-permission'] ?? ''));

  it('finds the case and report routes', () => {
    expect(onCaseOrReportData.map(({ name }) => name)).toEqual(expect.arrayContaining(['GET /api/v1/cases/{id}', 'GET /api/v1/reports/caseload']));
  });

  it('finds the audited resource declared on each of them', () => {
    const undeclared = onCaseOrReportData.filter(({ operation }) => !operation['x-scrt-audited-resource']).map(({ name }) => name);
    expect(undeclared).toEqual([]);
  });
});
