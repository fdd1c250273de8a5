import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { exampleOf, withMediaExamples } from './media-examples.js';

const schemas = {
  RowDto: { type: 'object', properties: { code: { type: 'string', example: 'QWO' }, cases: { type: 'integer', format: 'int32', example: 4 } } },
  ReportDto: {
    type: 'object',
    properties: { scope: { allOf: [{ $ref: '#/components/schemas/ScopeDto' }] }, rows: { type: 'array', items: { $ref: '#/components/schemas/RowDto' } } },
  },
  ScopeDto: { type: 'object', properties: { tier: { type: 'string', enum: ['icb', 'region'] } } },
};

describe('exampleOf', () => {
  it('builds a whole value from the examples of its properties, through references, allOf, arrays and enums', () => {
    expect(exampleOf({ $ref: '#/components/schemas/ReportDto' }, schemas)).toEqual({ scope: { tier: 'icb' }, rows: [{ code: 'QWO', cases: 4 }] });
  });
});

describe('withMediaExamples', () => {
  const json = (schema: object) => ({ content: { 'application/json': { schema } } });
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/rows': {
        post: {
          requestBody: json({ $ref: '#/components/schemas/RowDto' }),
          responses: { '201': { description: 'made', ...json({ $ref: '#/components/schemas/RowDto' }) }, '400': { description: 'bad', ...json({ type: 'object' }) } },
        },
      },
    },
    components: { schemas },
  } as unknown as OpenAPIObject;

  it('gives request bodies and success responses an example, and leaves error responses alone', () => {
    const operation = withMediaExamples(document).paths['/rows'].post as unknown as Record<string, Record<string, { content: Record<string, { example?: unknown }> }>>;
    expect(operation.requestBody.content['application/json'].example).toEqual({ code: 'QWO', cases: 4 });
    expect(operation.responses['201'].content['application/json'].example).toEqual({ code: 'QWO', cases: 4 });
    expect(operation.responses['400'].content['application/json'].example).toBeUndefined();
  });
});
