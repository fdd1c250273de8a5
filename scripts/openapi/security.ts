import { Cis2Scopes, type Permission } from '@scrt/contracts';
import { ISSUER_PLACEHOLDER } from '../../apps/gateway/src/openapi/openapi-document.js';
import { operationsOf, type Operation, type PathItem, type Paths, type SecurityScheme } from './document-types.js';

/** The scheme `@RequirePermission` puts on every protected operation (`ApiBearerAuth()`). */
const BEARER = 'bearer';
const OAUTH2 = 'oauth2';

/**
 * How callers authenticate. The OAuth2 URLs follow oidc-provider's routes (dev-identity); the
 * gateway puts its configured issuer in place of the placeholder when it serves the document.
 */
export function securitySchemes(clientScopes: Record<string, Permission[]>): Record<string, SecurityScheme> {
  return {
    [BEARER]: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'An access token from the identity provider: a user signed in through CIS2, or a case-management system using client credentials.',
    },
    [OAUTH2]: {
      type: 'oauth2',
      description: 'How to obtain the bearer token. Users: authorization code with PKCE (S256). Systems: client credentials.',
      flows: {
        authorizationCode: {
          authorizationUrl: `${ISSUER_PLACEHOLDER}/auth`,
          tokenUrl: `${ISSUER_PLACEHOLDER}/token`,
          scopes: Object.fromEntries(Object.entries(Cis2Scopes).map(([scope, { description }]) => [scope, description])),
        },
        clientCredentials: {
          tokenUrl: `${ISSUER_PLACEHOLDER}/token`,
          scopes: Object.fromEntries(Object.entries(clientScopes).map(([scope, permissions]) => [scope, `Grants ${permissions.join(', ')}`])),
        },
      },
    },
  };
}

function withAlternative(operation: Operation): Operation {
  const requirements = operation.security ?? [];
  if (!requirements.some((requirement) => BEARER in requirement)) return operation;
  return { ...operation, security: [...requirements, { [OAUTH2]: [] }] };
}

/**
 * Every bearer-protected operation also names the oauth2 scheme, so that API explorers offer to
 * fetch the token; it is the same bearer token either way.
 */
export function withOAuth2Alternative(paths: Paths): Paths {
  const withAlternatives = (item: PathItem): PathItem => ({
    ...item,
    ...Object.fromEntries(operationsOf(item).map(([method, operation]) => [method, withAlternative(operation)])),
  });
  return Object.fromEntries(Object.entries(paths).map(([path, item]) => [path, withAlternatives(item)]));
}
