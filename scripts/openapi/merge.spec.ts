import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { OpenApiCollisionError, mergeServiceDocuments, type ServiceDocument } from './merge.js';

function serviceDocument(service: string, paths: OpenAPIObject['paths'], schemas: Record<string, object> = {}): ServiceDocument {
  return { service, document: { openapi: '3.1.0', info: { title: service, version: '0' }, paths, components: { schemas } } };
}

const get = (operationId: string) => ({ get: { operationId, responses: {} } });
const stringSchema = { type: 'string' as const };
const numberSchema = { type: 'number' as const };

describe('mergeServiceDocuments', () => {
  it('combines paths and schemas of every service, sorted by name', () => {
    const merged = mergeServiceDocuments([
      serviceDocument('reviews', { '/api/v1/reviews': get('ReviewsController_list') }, { ReviewDto: stringSchema }),
      serviceDocument('case-intake', { '/api/v1/cases': get('CasesController_list') }, { CaseDto: stringSchema }),
    ]);
    expect(Object.keys(merged.paths)).toEqual(['/api/v1/cases', '/api/v1/reviews']);
    expect(Object.keys(merged.components?.schemas ?? {})).toEqual(['CaseDto', 'ReviewDto']);
  });

  it('keeps one copy of a schema that services share unchanged (a library DTO)', () => {
    const merged = mergeServiceDocuments([
      serviceDocument('reviews', { '/api/v1/reviews': get('a') }, { ProblemDto: stringSchema }),
      serviceDocument('case-intake', { '/api/v1/cases': get('b') }, { ProblemDto: stringSchema }),
    ]);
    expect(merged.components?.schemas).toEqual({ ProblemDto: stringSchema });
  });

  it('fails on a component name two services define differently, naming both', () => {
    const merge = () =>
      mergeServiceDocuments([
        serviceDocument('reviews', { '/api/v1/reviews': get('a') }, { StatusDto: stringSchema }),
        serviceDocument('case-intake', { '/api/v1/cases': get('b') }, { StatusDto: numberSchema }),
      ]);
    expect(merge).toThrow(OpenApiCollisionError);
    expect(merge).toThrow('components.schemas.StatusDto is defined differently by reviews and case-intake');
  });

  it('fails on a path declared by two services, and on a repeated operation id', () => {
    const merge = () =>
      mergeServiceDocuments([
        serviceDocument('reviews', { '/api/v1/things': get('ThingsController_list') }),
        serviceDocument('case-intake', { '/api/v1/things': get('Other_list'), '/api/v1/cases': get('ThingsController_list') }),
      ]);
    expect(merge).toThrow('path /api/v1/things is declared by reviews and case-intake');
    expect(merge).toThrow('operationId ThingsController_list is used by reviews GET /api/v1/things and case-intake GET /api/v1/cases');
  });
});
