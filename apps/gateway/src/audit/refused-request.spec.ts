import { describe, expect, it } from '@jest/globals';
import { refusedApiRequest } from './refused-request.js';

const problem = (code: string) => JSON.stringify({ status: 403, code });
const CASE_ID = '0192f0c4-5f6e-7a1b-8c2d-3e4f5a6b7c8d';

describe('refusedApiRequest', () => {
  it.each([
    ['GET', `/api/v1/cases/${CASE_ID}`, { action: 'read', resourceType: 'case', resourceId: CASE_ID }],
    ['GET', '/api/v1/cases?organisationCode=QWO', { action: 'list', resourceType: 'case', resourceId: undefined }],
    ['POST', '/api/v1/cases', { action: 'create', resourceType: 'case', resourceId: undefined }],
    ['PATCH', `/api/v1/cases/${CASE_ID}`, { action: 'update', resourceType: 'case', resourceId: CASE_ID }],
    ['GET', '/api/v1/reports/caseload?from=2026-01-01', { action: 'read', resourceType: 'caseload-report', resourceId: undefined }],
    ['GET', '/api/v1/reference-data/organisations/QWO', { action: 'list', resourceType: 'reference-data', resourceId: 'organisations' }],
    ['GET', '/api/v1/constructor', { action: 'list', resourceType: 'constructor', resourceId: undefined }],
  ])('names what %s %s asked for', (method, url, expected) => {
    expect(refusedApiRequest(method, url, 403, problem('NO_MATCHING_ROLE'))).toEqual({ ...expected, reason: 'NO_MATCHING_ROLE' });
  });

  it('takes the reason from the problem code, UNKNOWN when the body is not a problem', () => {
    expect(refusedApiRequest('GET', '/api/v1/cases', 401, problem('UNAUTHENTICATED'))?.reason).toBe('UNAUTHENTICATED');
    expect(refusedApiRequest('GET', '/api/v1/cases', 401, 'not json')?.reason).toBe('UNKNOWN');
    expect(refusedApiRequest('GET', '/api/v1/cases', 401, undefined)?.reason).toBe('UNKNOWN');
  });

  it('does not take something that is no id for one', () => {
    expect(refusedApiRequest('GET', `/api/v1/cases/${'x'.repeat(101)}`, 403, problem('FORBIDDEN'))?.resourceId).toBeUndefined();
    expect(refusedApiRequest('GET', '/api/v1/cases/a%20b', 403, problem('FORBIDDEN'))?.resourceId).toBeUndefined();
  });

  it.each([
    ['a success', 'GET', '/api/v1/cases', 200],
    ['another error', 'GET', '/api/v1/cases', 404],
    ['a rate limit', 'GET', '/api/v1/cases', 429],
    ['a page', 'GET', '/auth/logout', 403],
    ['a health probe', 'GET', '/health/ready', 401],
  ])('ignores %s', (_case, method, url, status) => {
    expect(refusedApiRequest(method, url, status, problem('X'))).toBeUndefined();
  });
});
