import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIObject } from '@nestjs/swagger';
import { OPENAPI_DOCUMENT_FILE, loadOpenApiDocument } from '../../apps/gateway/src/openapi/openapi-document.js';
import { lintOpenApiFile } from './lint.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const committedFile = join(root, OPENAPI_DOCUMENT_FILE);
/** Each case starts both linters' command lines (a few seconds each on a busy machine). */
const LINT_TIMEOUT_MS = 60_000;

function writeDocument(document: OpenAPIObject): string {
  const file = join(mkdtempSync(join(tmpdir(), 'openapi-lint-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

describe('the OpenAPI document under Spectral (spectral:oas) and Redocly (recommended)', () => {
  it('has no finding of any severity in the committed copy', async () => {
    expect(await lintOpenApiFile(root, committedFile)).toEqual([]);
  }, LINT_TIMEOUT_MS);

  it('has no finding in the copy a deployment serves (its own gateway URL and issuer)', async () => {
    const served = loadOpenApiDocument(committedFile, { publicUrl: 'https://scrt.example.nhs.uk/', issuer: 'https://identity.example.nhs.uk' });
    expect(await lintOpenApiFile(root, writeDocument(served))).toEqual([]);
  }, LINT_TIMEOUT_MS);

  it('reports a nullable string typed as an object (the linters are really run)', async () => {
    const document = JSON.parse(readFileSync(committedFile, 'utf8')) as OpenAPIObject;
    const schemas = document.components?.schemas as Record<string, { properties: Record<string, { type: unknown }> }>;
    schemas.OrganisationDto.properties.parentOdsCode.type = ['object', 'null'];
    const problems = await lintOpenApiFile(root, writeDocument(document));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ linter: 'spectral', rule: 'oas3-valid-schema-example', where: 'components.schemas.OrganisationDto.properties.parentOdsCode.example' }),
        expect.objectContaining({ linter: 'redocly', rule: 'no-invalid-schema-examples' }),
      ]),
    );
  }, LINT_TIMEOUT_MS);
});
