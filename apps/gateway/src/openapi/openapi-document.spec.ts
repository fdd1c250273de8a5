import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DEV_GATEWAY_URL, DEV_ISSUER, OPENAPI_DOCUMENT_FILE, authorizationCodeScopes, loadOpenApiDocument } from './openapi-document.js';

const deployment = { publicUrl: 'https://scrt.example.nhs.uk/', issuer: 'https://identity.example.nhs.uk/' };

describe('loadOpenApiDocument', () => {
  it('serves the committed document with the configured gateway URL and issuer, and nothing else changed', () => {
    const committed = JSON.parse(readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8')) as OpenAPIObject;
    const served = loadOpenApiDocument(OPENAPI_DOCUMENT_FILE, deployment);
    expect(served.servers).toEqual([{ url: 'https://scrt.example.nhs.uk', description: 'The gateway' }]);
    const flows = (served.components?.securitySchemes?.oauth2 as { flows: Record<string, Record<string, string>> }).flows;
    expect(flows.authorizationCode.authorizationUrl).toBe('https://identity.example.nhs.uk/auth');
    expect(flows.authorizationCode.tokenUrl).toBe('https://identity.example.nhs.uk/token');
    expect(flows.clientCredentials.tokenUrl).toBe('https://identity.example.nhs.uk/token');
    const backToDev = JSON.parse(JSON.stringify(served).replaceAll('https://scrt.example.nhs.uk', DEV_GATEWAY_URL).replaceAll('https://identity.example.nhs.uk', DEV_ISSUER));
    expect(backToDev).toEqual(committed);
    expect(authorizationCodeScopes(served)).toEqual(expect.arrayContaining(['openid', 'selectedrole']));
  });

  it('has absolute server and OAuth2 URLs in the committed copy (the development stack’s)', () => {
    const committed = readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8');
    const document = JSON.parse(committed) as OpenAPIObject;
    expect(document.servers).toEqual([{ url: DEV_GATEWAY_URL, description: 'The gateway' }]);
    const urls = [...committed.matchAll(/"(?:authorizationUrl|tokenUrl|refreshUrl)": "([^"]*)"/g)].map(([, url]) => url);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url.startsWith(`${DEV_ISSUER}/`)).toBe(true);
  });

  it('fails, naming the file and the fix, when the document is missing', () => {
    expect(() => loadOpenApiDocument('no/such/openapi.json', deployment)).toThrow(/no\/such\/openapi\.json cannot be read \(run `npm run openapi`\)/);
  });

  it('fails when the file is not an OpenAPI document', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, '{"hello":"world"}');
    expect(() => loadOpenApiDocument(file, deployment)).toThrow('is not an OpenAPI document');
  });
});
