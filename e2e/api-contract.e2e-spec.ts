import { apiOperations, committedApiDocument, operationDefects, servedApiDocument } from '@scrt/testing';

// Every later check builds its requests from the document: an operation lacking a permission,
// examples or declared responses would be covered badly, so the build fails on it here.
describe('every operation of the OpenAPI document carries what the API-wide checks need', () => {
  it.each([
    ['served at /api/openapi.json', servedApiDocument],
    ['committed at openapi/openapi.json', async () => committedApiDocument()],
  ])('the document %s', async (_label, load) => {
    const document = await load();
    const defects = operationDefects(document);
    console.log(`OpenAPI meta-check: ${apiOperations(document).length} operations, ${defects.length} defects${defects.length ? `:\n  ${defects.join('\n  ')}` : ''}`);
    expect(apiOperations(document).length).toBeGreaterThan(0);
    expect(defects).toEqual([]);
  });
});
