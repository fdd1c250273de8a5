import { readFileSync } from 'node:fs';
import path from 'node:path';
import { requiredEnv } from './test-env.js';

/** JSON Schema as the OpenAPI document writes it (only what the checks read). */
export interface ApiSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  properties?: Record<string, ApiSchema>;
  required?: string[];
  items?: ApiSchema;
  allOf?: ApiSchema[];
  oneOf?: ApiSchema[];
  anyOf?: ApiSchema[];
  maxLength?: number;
  [key: string]: unknown;
}

export interface ApiMediaType {
  schema?: ApiSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: ApiSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export interface ApiResponseSpec {
  description?: string;
  content?: Record<string, ApiMediaType>;
  headers?: Record<string, unknown>;
}

/** One operation of the document, with every `$ref` resolved. */
export interface ApiOperation {
  method: string;
  path: string;
  operationId?: string;
  /** `x-scrt-permission`: the permission a caller needs. */
  permission?: string;
  /** `x-scrt-public: true`: deliberately callable without a token. */
  isPublic: boolean;
  security?: unknown[];
  parameters: ApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, ApiMediaType> };
  responses: Record<string, ApiResponseSpec>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export const COMMITTED_OPENAPI_FILE = path.resolve(import.meta.dirname, '../../../openapi/openapi.json');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function committedApiDocument(file = COMMITTED_OPENAPI_FILE): OpenApiDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** The document the gateway serves, as a client downloads it. */
export async function servedApiDocument(gatewayUrl = requiredEnv('SCRT_TEST_GATEWAY_URL')): Promise<OpenApiDocument> {
  const response = await fetch(new URL('/api/openapi.json', gatewayUrl));
  if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** Every operation of the document, `$ref`s resolved, in document order. */
export function apiOperations(document: OpenApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [apiPath, rawPathItem] of Object.entries(document.paths ?? {})) {
    const pathItem = resolveRefs(document, rawPathItem) as Record<string, unknown> & { parameters?: ApiParameter[] };
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as (Record<string, unknown> & { parameters?: ApiParameter[] }) | undefined;
      if (!operation) continue;
      operations.push({
        method: method.toUpperCase(),
        path: apiPath,
        operationId: operation.operationId as string | undefined,
        permission: operation['x-scrt-permission'] as string | undefined,
        isPublic: operation['x-scrt-public'] === true,
        security: operation.security as unknown[] | undefined,
        parameters: mergeParameters(pathItem.parameters ?? [], operation.parameters ?? []),
        requestBody: operation.requestBody as ApiOperation['requestBody'],
        responses: (operation.responses ?? {}) as Record<string, ApiResponseSpec>,
      });
    }
  }
  return operations;
}

export function operationLabel(operation: Pick<ApiOperation, 'method' | 'path' | 'operationId'>): string {
  return `${operation.method} ${operation.path}${operation.operationId ? ` (${operation.operationId})` : ''}`;
}

function mergeParameters(pathLevel: ApiParameter[], operationLevel: ApiParameter[]): ApiParameter[] {
  const key = (parameter: ApiParameter) => `${parameter.in}:${parameter.name.toLowerCase()}`;
  const overridden = new Set(operationLevel.map(key));
  return [...pathLevel.filter((parameter) => !overridden.has(key(parameter))), ...operationLevel];
}

/** A deep copy of `value` with every local `$ref` replaced by its target (cycles left as refs). */
export function resolveRefs(document: OpenApiDocument, value: unknown, seen: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(document, item, seen));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$ref === 'string' && record.$ref.startsWith('#/')) {
    if (seen.includes(record.$ref)) return record;
    const { $ref, ...siblings } = record;
    const target = $ref
      .slice(2)
      .split('/')
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], document);
    if (target === undefined) throw new Error(`unresolvable $ref ${$ref}`);
    return { ...(resolveRefs(document, target, [...seen, $ref]) as object), ...(resolveRefs(document, siblings, seen) as object) };
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, resolveRefs(document, item, seen)]));
}
