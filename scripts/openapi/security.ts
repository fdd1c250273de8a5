import { Cis2Scopes, type Permission } from '@scrt/contracts';
import { BEARER_SCHEME } from '@scrt/auth';
import { DEV_ISSUER, OAUTH2_SCHEME } from '../../apps/gateway/src/openapi/openapi-document.js';
import type { SecurityScheme } from './document-types.js';

/**
 * How callers authenticate. Every operation lists the `bearer` scheme only (see `@RequirePermission`):
 * a client generated from the document then sends `Authorization: Bearer <token>` from its own
 * configuration. Listing `oauth2` too made OpenAPI Generator's typescript-fetch client send the
 * token without `Bearer` (its oauth2 code writes the header verbatim), so every call got 401.
 * The `oauth2` scheme stays as documentation of where tokens come from; the API explorer uses it
 * to sign in (see `explorerDocument`). Its URLs follow oidc-provider's routes at the dev issuer;
 * the gateway puts its configured issuer in their place when it serves the document.
 */
export function securitySchemes(clientScopes: Record<string, Permission[]>): Record<string, SecurityScheme> {
  return {
    [BEARER_SCHEME]: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: `An access token from the identity provider (see \`${OAUTH2_SCHEME}\` for how to obtain one): a user signed in through CIS2, or a case-management system using client credentials.`,
    },
    [OAUTH2_SCHEME]: {
      type: 'oauth2',
      description: `How to obtain the \`${BEARER_SCHEME}\` token. Users: authorization code with PKCE (S256). Systems: client credentials.`,
      flows: {
        authorizationCode: {
          authorizationUrl: `${DEV_ISSUER}/auth`,
          tokenUrl: `${DEV_ISSUER}/token`,
          scopes: Object.fromEntries(Object.entries(Cis2Scopes).map(([scope, { description }]) => [scope, description])),
        },
        clientCredentials: {
          tokenUrl: `${DEV_ISSUER}/token`,
          scopes: Object.fromEntries(Object.entries(clientScopes).map(([scope, permissions]) => [scope, `Grants ${permissions.join(', ')}`])),
        },
      },
    },
  };
}
