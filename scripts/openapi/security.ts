import { operationsOf, type Operation, type PathItem, type Paths, type SecurityScheme } from './document-types.js';

/** Replaced by the gateway with its configured issuer when it serves the document. */
export const ISSUER_PLACEHOLDER = '{issuer}';

/** The scheme `@RequirePermission` puts on every protected operation (`ApiBearerAuth()`). */
const BEARER = 'bearer';
const OAUTH2 = 'oauth2';

const USER_SCOPES = {
  openid: 'OpenID Connect sign-in',
  profile: 'Your name',
  email: 'Your email address',
  nhsperson: 'Your NHS person record (CIS2)',
  associatedorgs: 'The organisations you are associated with (CIS2)',
  nationalrbacaccess: 'Your national RBAC roles (CIS2)',
  selectedrole: 'The role you selected at sign-in (CIS2)',
};

export const securitySchemes: Record<string, SecurityScheme> = {
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
        scopes: USER_SCOPES,
      },
      clientCredentials: {
        tokenUrl: `${ISSUER_PLACEHOLDER}/token`,
        scopes: {},
      },
    },
  },
};

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
