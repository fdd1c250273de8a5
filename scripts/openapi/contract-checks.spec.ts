import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import { OPENAPI_DOCUMENT_FILE } from '../../apps/gateway/src/openapi/openapi-document.js';
import { OpenApiContractError, assertContract, contractViolations } from './contract-checks.js';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The committed document, changed by `change`: each test breaks one rule in an otherwise good document. */
function committedWith(change: (document: Mutable) => void): OpenAPIObject {
  const document = JSON.parse(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')) as Mutable;
  change(document);
  return document as OpenAPIObject;
}

const createCase = (document: Mutable) => document.paths['/api/v1/cases'].post;

describe('contractViolations', () => {
  it('finds none in the committed document', () => {
    expect(contractViolations(committedWith(() => {}))).toEqual([]);
  });

  it("refuses Nest's default operationId, and a repeated one", () => {
    const document = committedWith((doc) => {
      createCase(doc).operationId = 'CasesController_create';
      doc.paths['/api/v1/cases/{id}'].get.operationId = 'listOrganisations';
    });
    expect(contractViolations(document)).toEqual([
      expect.stringContaining('POST /api/v1/cases: operationId CasesController_create is not a camelCase verb phrase'),
      expect.stringContaining('GET /api/v1/reference-data/organisations: operationId listOrganisations is also used by GET /api/v1/cases/{id}'),
    ]);
  });

  it('refuses an operation that offers two security schemes (a generated client applies both)', () => {
    const document = committedWith((doc) => createCase(doc).security.push({ oauth2: [] }));
    expect(contractViolations(document)).toEqual([expect.stringContaining('POST /api/v1/cases: lists 2 security requirements')]);
  });

  it('refuses an empty response description', () => {
    const document = committedWith((doc) => (createCase(doc).responses['201'].description = ''));
    expect(contractViolations(document)).toEqual(['POST /api/v1/cases: response 201 has no description']);
  });

  it('requires the problems every call can meet, and 413/415 where there is a body', () => {
    const document = committedWith((doc) => {
      delete createCase(doc).responses['415'];
      delete doc.paths['/api/v1/reports/caseload'].get.responses['503'];
    });
    expect(contractViolations(document)).toEqual(['POST /api/v1/cases: does not declare responses 415', 'GET /api/v1/reports/caseload: does not declare responses 503']);
  });

  it('requires an example on every parameter and every plain property', () => {
    const document = committedWith((doc) => {
      delete doc.paths['/api/v1/cases/{id}'].get.parameters[0].schema.example;
      delete doc.components.schemas.CaseDto.properties.incidentDate.example;
    });
    expect(contractViolations(document)).toEqual([
      'GET /api/v1/cases/{id}: parameter id has no example',
      'components.schemas.CaseDto.incidentDate has no example: add one to its @ApiProperty',
    ]);
  });

  it('refuses a number without a format (a count typed as a bare number)', () => {
    const document = committedWith((doc) => (doc.components.schemas.CaseloadRowDto.properties.cases = { type: 'number', example: 4 }));
    expect(contractViolations(document)).toEqual([expect.stringContaining('components.schemas.CaseloadRowDto.cases is a number without a format')]);
  });

  it('throws all violations at once from assertContract', () => {
    const document = committedWith((doc) => (createCase(doc).operationId = 'CasesController_create'));
    expect(() => assertContract(document)).toThrow(OpenApiContractError);
  });
});
