import type { OpenAPIObject } from '@nestjs/swagger';
import { OAUTH2_SCHEME } from './openapi-document.js';
import { mapOperations } from './operations.js';

/**
 * The document Swagger UI shows: each protected operation also accepts the oauth2 scheme, so that
 * the explorer's "Authorize" signs the user in and applies the token (Swagger UI sends it as
 * `Bearer`). The contract at /api/openapi.json keeps one scheme per operation for generated
 * clients, some of which mishandle oauth2 (see scripts/openapi/security.ts).
 */
export function explorerDocument(document: OpenAPIObject): OpenAPIObject {
  return mapOperations(document, (operation) => (operation.security?.length ? { ...operation, security: [{ [OAUTH2_SCHEME]: [] }, ...operation.security] } : operation));
}
