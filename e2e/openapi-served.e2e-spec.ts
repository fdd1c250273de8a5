import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requiredEnv } from '@scrt/testing';
import { DEV_GATEWAY_URL, DEV_ISSUER, OPENAPI_DOCUMENT_FILE } from '../apps/gateway/src/openapi/openapi-document.js';
import { lintOpenApiFile } from '../scripts/openapi/lint.js';

const root = join(import.meta.dirname, '..');

describe('the OpenAPI document the gateway serves', () => {
  it('is the committed one with this stack’s gateway URL and issuer, and lint-clean', async () => {
    const gatewayUrl = requiredEnv('SCRT_TEST_GATEWAY_URL');
    const response = await fetch(new URL('/api/openapi.json', gatewayUrl));
    expect(response.status).toBe(200);
    const served = await response.text();

    const committed = readFileSync(join(root, OPENAPI_DOCUMENT_FILE), 'utf8');
    const expected = committed.replaceAll(DEV_GATEWAY_URL, gatewayUrl.replace(/\/$/, '')).replaceAll(DEV_ISSUER, requiredEnv('SCRT_TEST_IDENTITY_URL').replace(/\/$/, ''));
    expect(JSON.parse(served)).toEqual(JSON.parse(expected));

    const dir = join(root, '.local', 'openapi-served');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'openapi.json'), served);
    expect(await lintOpenApiFile(root, join(dir, 'openapi.json'))).toEqual([]);
  });
});
