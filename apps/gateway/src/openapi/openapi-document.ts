import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Committed by `npm run openapi`; read relative to the working directory, the repository root. */
export const OPENAPI_DOCUMENT_FILE = 'openapi/openapi.json';

/**
 * The committed document is a valid one for the development stack (`npm start`): its server and
 * OAuth2 URLs are these defaults, which the gateway replaces with its own configuration.
 */
export const DEV_GATEWAY_URL = 'http://localhost:3000';
export const DEV_ISSUER = 'http://localhost:3100';

/** The scheme that says how to obtain tokens (authorization code, client credentials). */
export const OAUTH2_SCHEME = 'oauth2';

export const OPENAPI_DOCUMENT = Symbol('OPENAPI_DOCUMENT');

export interface Deployment {
  /** Where clients reach the gateway (`GATEWAY_PUBLIC_URL`). */
  publicUrl: string;
  /** The identity provider (`OIDC_ISSUER`). */
  issuer: string;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/$/, '');

/** The document as this deployment serves it: its own gateway URL and issuer instead of the dev defaults. */
export function forDeployment(document: OpenAPIObject, { publicUrl, issuer }: Deployment): OpenAPIObject {
  const rebase = (url: string) => (url.startsWith(DEV_ISSUER) ? withoutTrailingSlash(issuer) + url.slice(DEV_ISSUER.length) : url);
  const schemes = Object.entries(document.components?.securitySchemes ?? {}).map(([name, scheme]) => {
    if (!('flows' in scheme) || !scheme.flows) return [name, scheme];
    const flows = Object.fromEntries(
      Object.entries(scheme.flows).map(([flowName, flow]) => [
        flowName,
        Object.fromEntries(Object.entries(flow as Record<string, unknown>).map(([key, value]) => [key, key.endsWith('Url') && typeof value === 'string' ? rebase(value) : value])),
      ]),
    );
    return [name, { ...scheme, flows }];
  });
  return {
    ...document,
    servers: [{ url: withoutTrailingSlash(publicUrl), description: 'The gateway' }],
    components: { ...document.components, securitySchemes: Object.fromEntries(schemes) },
  };
}

/** The committed document, as this deployment serves it. Throws when missing or not an OpenAPI document. */
export function loadOpenApiDocument(file: string, deployment: Deployment): OpenAPIObject {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`the OpenAPI document ${file} cannot be read (run \`npm run openapi\`): ${(error as Error).message}`, { cause: error });
  }
  const document = JSON.parse(text) as OpenAPIObject;
  if (typeof document.openapi !== 'string' || typeof document.paths !== 'object') {
    throw new Error(`${file} is not an OpenAPI document`);
  }
  return forDeployment(document, deployment);
}

/** The scopes of the document's authorization-code flow, which the API explorer asks for. */
export function authorizationCodeScopes(document: OpenAPIObject): string[] {
  const schemes = Object.values(document.components?.securitySchemes ?? {});
  return schemes.flatMap((scheme) => ('flows' in scheme ? Object.keys(scheme.flows?.authorizationCode?.scopes ?? {}) : []));
}
