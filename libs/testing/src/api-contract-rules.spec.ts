import { describe, expect, it } from '@jest/globals';
import { operationDefects } from './api-contract-rules.js';
import type { OpenApiDocument } from './api-document.js';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

function completeOperation(): Record<string, unknown> {
  return {
    operationId: 'createThing',
    'x-scrt-permission': 'thing:create',
    security: [{ bearer: [] }],
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid', example: '0190c3a4-0000-7000-8000-000000000001' } }],
    requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
    responses: {
      '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
      ...Object.fromEntries(['400', '401', '403', '404', '413', '414', '415', '429', '431', '503'].map((status) => [status, problem(`Problem ${status}`)])),
    },
  };
}

function documentWith(operation: Record<string, unknown>, extraPaths: Record<string, unknown> = {}): OpenApiDocument {
  return {
    openapi: '3.1.0',
    paths: { '/api/v1/things/{id}': { post: operation }, ...extraPaths },
    components: {
      schemas: {
        Thing: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'a thing' }, size: { type: 'integer' } } },
        Problem: { type: 'object', properties: { code: { type: 'string' } } },
      },
    },
  };
}

function without(path: string[]): Record<string, unknown> {
  const operation = completeOperation();
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, operation);
  delete parent[path.at(-1)!];
  return operation;
}

describe('operationDefects', () => {
  it('finds nothing to say about a complete operation', () => {
    expect(operationDefects(documentWith(completeOperation()))).toEqual([]);
  });

  it.each([
    [['x-scrt-permission'], 'no x-scrt-permission (and not marked x-scrt-public)'],
    [['security'], 'no security requirement'],
    [['operationId'], 'no operationId'],
    [['parameters', '0', 'schema', 'example'], 'no example for path parameter id'],
    [['responses', '201'], 'no 2xx response declared'],
    [['responses', '401'], 'response 401 not declared'],
    [['responses', '404'], 'response 404 not declared'],
    [['responses', '413'], 'response 413 not declared'],
    [['responses', '415'], 'response 415 not declared'],
    [['responses', '429'], 'response 429 not declared'],
    [['responses', '503'], 'no 5xx problem response declared'],
  ])('flags an operation without %j', (path, defect) => {
    expect(operationDefects(documentWith(without(path)))).toEqual([`POST /api/v1/things/{id}${path[0] === 'operationId' ? '' : ' (createThing)'}: ${defect}`]);
  });

  it('wants an example for the request body and the success response, stated in the document', () => {
    const operation = completeOperation();
    const document = documentWith(operation);
    delete (document.components!.schemas.Thing as { properties: Record<string, { example?: string }> }).properties.name.example;
    expect(operationDefects(document)).toEqual([
      'POST /api/v1/things/{id} (createThing): no example for the request body',
      'POST /api/v1/things/{id} (createThing): no example for the 201 response',
    ]);
  });

  it('wants problem responses declared as problem+json with a description', () => {
    const operation = completeOperation();
    (operation.responses as Record<string, unknown>)['400'] = { description: ' ', content: { 'application/json': {} } };
    expect(operationDefects(documentWith(operation))).toEqual([
      'POST /api/v1/things/{id} (createThing): response 400 has an empty description',
      'POST /api/v1/things/{id} (createThing): response 400 is not declared as application/problem+json',
    ]);
  });

  it('wants readable, unique operationIds', () => {
    const nestDefault = { ...completeOperation(), operationId: 'ThingsController_create' };
    expect(operationDefects(documentWith(nestDefault))).toEqual([
      'POST /api/v1/things/{id} (ThingsController_create): operationId ThingsController_create is not a camelCase verb phrase',
    ]);
    const twice = documentWith(completeOperation(), { '/api/v1/things/{id}/copy': { post: completeOperation() } });
    expect(operationDefects(twice)).toEqual([
      'POST /api/v1/things/{id} (createThing): operationId createThing is not unique',
      'POST /api/v1/things/{id}/copy (createThing): operationId createThing is not unique',
    ]);
  });

  it('accepts an operation marked public without a permission, 401 or 403, if it says `security: []`', () => {
    const operation = { ...without(['x-scrt-permission']), 'x-scrt-public': true, security: [] };
    delete (operation.responses as Record<string, unknown>)['401'];
    delete (operation.responses as Record<string, unknown>)['403'];
    expect(operationDefects(documentWith(operation))).toEqual([]);
    expect(operationDefects(documentWith({ ...operation, security: [{ bearer: [] }] }))).toEqual([
      'POST /api/v1/things/{id} (createThing): marked public (x-scrt-public) but does not declare `security: []`',
    ]);
  });
});
