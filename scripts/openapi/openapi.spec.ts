import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENAPI_DOCUMENT_FILE } from '../../apps/gateway/src/openapi/openapi-document.js';
import { buildOpenApiDocument, renderOpenApiDocument } from './generate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe(OPENAPI_DOCUMENT_FILE, () => {
  it('is exactly what the services declare today (when this fails: `npm run openapi`, then commit)', async () => {
    const committed = await readFile(join(root, OPENAPI_DOCUMENT_FILE), 'utf8');
    const generated = await buildOpenApiDocument(root);
    // The structural comparison first, for a readable diff; then the bytes, for formatting.
    expect(JSON.parse(committed)).toEqual(generated);
    expect(committed).toBe(renderOpenApiDocument(generated));
  });
});
