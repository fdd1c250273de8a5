import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Committed by `npm run openapi`; read relative to the working directory, the repository root. */
export const OPENAPI_DOCUMENT_FILE = 'openapi/openapi.json';

/** Stands for the identity provider in the committed document's OAuth2 URLs. */
export const ISSUER_PLACEHOLDER = '{issuer}';

export const OPENAPI_DOCUMENT = Symbol('OPENAPI_DOCUMENT');

/** The committed document, with this deployment's issuer in its OAuth2 URLs. Throws when missing or not JSON. */
export function loadOpenApiDocument(file: string, issuer: string): OpenAPIObject {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`the OpenAPI document ${file} cannot be read (run \`npm run openapi\`): ${(error as Error).message}`, { cause: error });
  }
  const document = JSON.parse(text.replaceAll(ISSUER_PLACEHOLDER, issuer.replace(/\/$/, ''))) as OpenAPIObject;
  if (typeof document.openapi !== 'string' || typeof document.paths !== 'object') {
    throw new Error(`${file} is not an OpenAPI document`);
  }
  return document;
}

/** The scopes of the document's authorization-code flow, which the API explorer asks for. */
export function authorizationCodeScopes(document: OpenAPIObject): string[] {
  const schemes = Object.values(document.components?.securitySchemes ?? {});
  return schemes.flatMap((scheme) => ('flows' in scheme ? Object.keys(scheme.flows?.authorizationCode?.scopes ?? {}) : []));
}
