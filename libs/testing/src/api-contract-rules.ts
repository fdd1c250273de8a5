import { apiOperations, operationLabel, type ApiOperation, type ApiResponseSpec, type OpenApiDocument } from './api-document.js';
import { jsonRequestBody, mediaTypeExample, parameterExample } from './api-examples.js';

/** A stable, readable operationId: a lower-case verb first, camelCase, no controller names. */
const OPERATION_ID = /^[a-z]+(?:[A-Z0-9][a-z0-9]*)*$/;
const PROBLEM_TYPE = 'application/problem+json';

/** The problem responses every operation declares, and those some kinds of operation add. */
function requiredProblemStatuses(operation: ApiOperation): string[] {
  const statuses = ['400', '414', '429', '431'];
  if (!operation.isPublic) statuses.push('401', '403');
  if (operation.parameters.some((parameter) => parameter.in === 'path')) statuses.push('404');
  if (operation.requestBody) statuses.push('413', '415');
  return statuses;
}

function hasServerError(responses: Record<string, ApiResponseSpec>): boolean {
  return Object.keys(responses).some((status) => /^5(\d\d|XX)$/.test(status) || status === 'default');
}

function permissionDefects(operation: ApiOperation): string[] {
  if (operation.isPublic) {
    return Array.isArray(operation.security) && operation.security.length === 0 ? [] : ['marked public (x-scrt-public) but does not declare `security: []`'];
  }
  const defects: string[] = [];
  if (typeof operation.permission !== 'string' || operation.permission === '') defects.push('no x-scrt-permission (and not marked x-scrt-public)');
  if (!operation.security?.length) defects.push('no security requirement');
  return defects;
}

function exampleDefects(operation: ApiOperation): string[] {
  const defects = operation.parameters
    .filter((parameter) => parameterExample(parameter, 'explicit') === undefined)
    .map((parameter) => `no example for ${parameter.in} parameter ${parameter.name}`);
  if (operation.requestBody) {
    const json = jsonRequestBody(operation);
    if (!json) defects.push('request body has no JSON media type');
    else if (mediaTypeExample(json, 'explicit') === undefined) defects.push('no example for the request body');
  }
  return defects;
}

function responseDefects(operation: ApiOperation): string[] {
  const defects: string[] = [];
  const responses = operation.responses;
  const successes = Object.keys(responses).filter((status) => /^2(\d\d|XX)$/.test(status));
  if (successes.length === 0) defects.push('no 2xx response declared');
  for (const status of successes) {
    const content = responses[status].content;
    if (content && Object.values(content).some((mediaType) => mediaTypeExample(mediaType, 'explicit') === undefined)) defects.push(`no example for the ${status} response`);
  }
  for (const status of requiredProblemStatuses(operation)) {
    if (!responses[status]) defects.push(`response ${status} not declared`);
  }
  if (!hasServerError(responses)) defects.push('no 5xx problem response declared');
  for (const [status, response] of Object.entries(responses)) {
    if (!response.description?.trim()) defects.push(`response ${status} has an empty description`);
    if (/^[45]/.test(status) && !response.content?.[PROBLEM_TYPE]) defects.push(`response ${status} is not declared as ${PROBLEM_TYPE}`);
  }
  return defects;
}

function operationIdDefects(operation: ApiOperation, seen: Map<string, number>): string[] {
  if (!operation.operationId) return ['no operationId'];
  const defects: string[] = [];
  if (!OPERATION_ID.test(operation.operationId)) defects.push(`operationId ${operation.operationId} is not a camelCase verb phrase`);
  if ((seen.get(operation.operationId) ?? 0) > 1) defects.push(`operationId ${operation.operationId} is not unique`);
  return defects;
}

/**
 * What each operation of the document lacks to be covered by the API-wide checks: a permission
 * (or an explicit public marking), examples to build requests from, declared success and problem
 * responses, a stable operationId. One line per defect, naming the operation.
 */
export function operationDefects(document: OpenApiDocument): string[] {
  const operations = apiOperations(document);
  const seen = new Map<string, number>();
  for (const { operationId } of operations) if (operationId) seen.set(operationId, (seen.get(operationId) ?? 0) + 1);
  return operations.flatMap((operation) =>
    [...operationIdDefects(operation, seen), ...permissionDefects(operation), ...exampleDefects(operation), ...responseDefects(operation)].map(
      (defect) => `${operationLabel(operation)}: ${defect}`,
    ),
  );
}
