import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import { explorerDocument } from './explorer-document.js';
import { OPENAPI_DOCUMENT_FILE } from './openapi-document.js';
import { operationsOf } from './operations.js';

describe('explorerDocument', () => {
  it('lets the API explorer sign in with oauth2 on every protected operation, and leaves the contract as it is', () => {
    const committed = readFileSync(OPENAPI_DOCUMENT_FILE, 'utf8');
    const contract = JSON.parse(committed) as OpenAPIObject;
    const explorer = explorerDocument(contract);
    const operations = Object.values(explorer.paths).flatMap((item) => operationsOf(item).map(([, operation]) => operation));
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) expect(operation.security).toEqual([{ oauth2: [] }, { bearer: [] }]);
    expect(JSON.stringify(contract, null, 2) + '\n').toBe(committed);
  });
});
