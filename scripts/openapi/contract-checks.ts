import type { OpenAPIObject } from '@nestjs/swagger';
import { BODY_PROBLEM_RESPONSES, COMMON_PROBLEM_RESPONSES } from '@scrt/http';
import { operationsOf, type Operation } from './document-types.js';

/**
 * Generated clients name their methods after operationIds: a verb, then what it acts on, in
 * camelCase (`createCase`, `listOrganisations`). Nest's default (`CasesController_create`) fails.
 */
export const OPERATION_VERBS = ['get', 'list', 'create', 'update', 'replace', 'delete', 'record', 'search', 'submit', 'close', 'reopen', 'assign', 'approve', 'cancel', 'export', 'withdraw'];
const OPERATION_ID = new RegExp(`^(${OPERATION_VERBS.join('|')})([A-Z][a-z0-9]*)+$`);

type Schema = { $ref?: string; type?: string | string[]; format?: string; items?: Schema; example?: unknown; properties?: Record<string, Schema>; allOf?: Schema[] };

/** The document breaks a rule every operation must keep; each entry names the operation and the rule. */
export class OpenApiContractError extends Error {
  constructor(readonly violations: string[]) {
    super(`The OpenAPI document breaks its contract rules:\n  - ${violations.join('\n  - ')}`);
    this.name = 'OpenApiContractError';
  }
}

function operationViolations(where: string, operation: Operation, seenIds: Map<string, string>): string[] {
  const violations: string[] = [];
  const { operationId } = operation;
  if (!operationId || !OPERATION_ID.test(operationId)) {
    violations.push(`${where}: operationId ${operationId ?? '(none)'} is not a camelCase verb phrase (${OPERATION_VERBS.join(', ')}...): set it in @ApiOperation`);
  } else if (seenIds.has(operationId)) {
    violations.push(`${where}: operationId ${operationId} is also used by ${seenIds.get(operationId)}`);
  } else {
    seenIds.set(operationId, where);
  }
  const security = operation.security ?? [];
  if (security.length > 1 || security.some((requirement) => Object.keys(requirement).length !== 1)) {
    violations.push(`${where}: lists ${security.length} security requirements; a generated client needs exactly one scheme`);
  }
  const responses = operation.responses as Record<string, { description?: string }>;
  for (const [status, response] of Object.entries(responses)) {
    if (!response.description?.trim()) violations.push(`${where}: response ${status} has no description`);
  }
  if (!Object.keys(responses).some((status) => status.startsWith('2'))) violations.push(`${where}: declares no success response`);
  if (security.length > 0) {
    const required = { ...COMMON_PROBLEM_RESPONSES, ...(operation.requestBody ? BODY_PROBLEM_RESPONSES : {}) };
    const missing = Object.keys(required).filter((status) => !(status in responses));
    if (missing.length > 0) violations.push(`${where}: does not declare responses ${missing.join(', ')}`);
  }
  for (const parameter of operation.parameters ?? []) {
    if ('$ref' in parameter) continue;
    const schema = parameter.schema as Schema | undefined;
    if (parameter.example === undefined && schema?.example === undefined) violations.push(`${where}: parameter ${parameter.name} has no example`);
  }
  return violations;
}

/** A property needs an example of its own unless it is made of other schemas (which have theirs). */
function isComposite(schema: Schema): boolean {
  return Boolean(schema.$ref || schema.allOf || schema.properties || (schema.type === 'array' && schema.items && isComposite(schema.items)));
}

/** A bare `number` (what a TypeScript `number` becomes) says neither integer nor size; clients then guess. */
const isUnsizedNumber = (schema: Schema) => (schema.type === 'number' || schema.type === 'integer') && !schema.format;

function schemaViolations(document: OpenAPIObject): string[] {
  return Object.entries((document.components?.schemas ?? {}) as Record<string, Schema>).flatMap(([name, schema]) =>
    Object.entries(schema.properties ?? {}).flatMap(([property, definition]) => [
      ...(!isComposite(definition) && !('example' in definition) ? [`components.schemas.${name}.${property} has no example: add one to its @ApiProperty`] : []),
      ...(isUnsizedNumber(definition) ? [`components.schemas.${name}.${property} is a ${definition.type} without a format: say \`type: 'integer', format: 'int32'\` (or a number format)`] : []),
    ]),
  );
}

/** Every rule, over every operation and schema: a new endpoint is held to them the day it is added. */
export function contractViolations(document: OpenAPIObject): string[] {
  const seenIds = new Map<string, string>();
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    operationsOf(item).flatMap(([method, operation]) => operationViolations(`${method.toUpperCase()} ${path}`, operation, seenIds)),
  );
  return [...operations, ...schemaViolations(document)];
}

export function assertContract(document: OpenAPIObject): OpenAPIObject {
  const violations = contractViolations(document);
  if (violations.length > 0) throw new OpenApiContractError(violations);
  return document;
}
