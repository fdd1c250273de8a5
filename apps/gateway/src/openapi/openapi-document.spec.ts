import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENAPI_DOCUMENT_FILE, authorizationCodeScopes, loadOpenApiDocument } from './openapi-document.js';

describe('loadOpenApiDocument', () => {
  it('reads the committed document and puts the configured issuer in its OAuth2 URLs', () => {
    const document = loadOpenApiDocument(OPENAPI_DOCUMENT_FILE, 'https://identity.example/');
    const serialised = JSON.stringify(document);
    expect(serialised).not.toContain('{issuer}');
    expect(serialised).toContain('"authorizationUrl":"https://identity.example/auth"');
    expect(authorizationCodeScopes(document)).toEqual(expect.arrayContaining(['openid', 'selectedrole']));
  });

  it('fails, naming the file and the fix, when the document is missing', () => {
    expect(() => loadOpenApiDocument('no/such/openapi.json', 'https://identity.example')).toThrow(/no\/such\/openapi\.json cannot be read \(run `npm run openapi`\)/);
  });

  it('fails when the file is not an OpenAPI document', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, '{"hello":"world"}');
    expect(() => loadOpenApiDocument(file, 'https://identity.example')).toThrow('is not an OpenAPI document');
  });
});
