import { errors, type AdapterFactory, type Configuration, type JWK } from 'oidc-provider';
import type { AccountDirectory } from '../accounts/account-directory.js';
import { cis2IdTokenClaims, cis2UserClaims, clientCredentialsClaims } from '../accounts/cis2-claims.js';
import type { RoleSelections } from '../accounts/role-selections.js';
import type { DevIdentityEnv } from '../config/dev-identity.config.js';
import { SIGNING_ALGORITHM, type PrivateJwks } from '../keys/signing-keys.js';
import { providerErrorPage, signedOutPage, signOutPage } from '../pages/provider.pages.js';
import { CIS2_SCOPE_CLAIMS, releasedClaims } from './cis2-scopes.js';
import { registeredClients } from './clients.js';

/** The provider's own endpoints; everything else on the port belongs to the Nest app. */
export const PROVIDER_ROUTES = {
  authorization: '/auth',
  token: '/token',
  jwks: '/jwks',
  end_session: '/session/end',
};

/** Served by the Nest app (see `UserinfoController`), so that it accepts the API access tokens. */
export const USERINFO_PATH = '/me';

const HOUR = 60 * 60;

export interface ProviderDependencies {
  config: DevIdentityEnv;
  directory: AccountDirectory;
  selections: RoleSelections;
  jwks: PrivateJwks;
  /** Storage and cookie keys outlive a provider instance, so that sign-ins survive a key rotation. */
  adapter: AdapterFactory;
  cookieKeys: string[];
}

export function providerConfiguration({ config, directory, selections, jwks, adapter, cookieKeys }: ProviderDependencies): Configuration {
  const audience = config.DEV_IDENTITY_API_AUDIENCE;
  const userClaims = (accountId: string, grantId: string | undefined) => {
    const user = directory.userById(accountId);
    return user && cis2UserClaims(user, directory.organisations, selections.roleFor(grantId));
  };

  return {
    adapter,
    clients: registeredClients(config, directory.clients),
    clientAuthMethods: ['client_secret_basic', 'none'],
    // No offline_access: no refresh tokens, a client signs the user in again.
    scopes: ['openid', ...new Set(directory.clients.flatMap((client) => client.scopes))],
    claims: CIS2_SCOPE_CLAIMS,
    jwks: jwks as { keys: JWK[] },
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALGORITHM] },
    cookies: { keys: cookieKeys },
    routes: PROVIDER_ROUTES,
    responseTypes: ['code'],
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    discovery: { userinfo_endpoint: new URL(USERINFO_PATH, config.DEV_IDENTITY_ISSUER).href },

    async findAccount(_ctx, accountId, token) {
      const claims = userClaims(accountId, token?.grantId);
      if (!claims) return undefined;
      // oidc-provider asks an account only for ID token claims: userinfo is served by the Nest app.
      return { accountId, claims: () => ({ sub: accountId, ...cis2IdTokenClaims(claims) }) };
    },

    // Resource servers read the access token alone, so it carries the CIS2 claims of the scopes
    // granted to it, and only those: role claims need `nationalrbacaccess` and `selectedrole`.
    async extraTokenClaims(_ctx, token) {
      if (token.kind === 'ClientCredentials') {
        const client = token.clientId ? directory.client(token.clientId) : undefined;
        return client && clientCredentialsClaims(client);
      }
      const claims = token.accountId ? userClaims(token.accountId, token.grantId) : undefined;
      return claims && releasedClaims(claims, token.scope ?? '');
    },

    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      // oidc-provider's userinfo refuses tokens with an audience, and every access token here is
      // for the API; with it off, code exchanges need no `resource` parameter to get one.
      userinfo: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        getResourceServerInfo: (_ctx, indicator, client) => {
          if (indicator !== audience) throw new errors.InvalidTarget(`the only resource is ${audience}`);
          return {
            audience,
            // The API scopes a client may hold are those registered for it.
            scope: client.scope ?? '',
            accessTokenFormat: 'jwt',
            accessTokenTTL: HOUR,
            jwt: { sign: { alg: SIGNING_ALGORITHM } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = signedOutPage();
        },
      },
    },

    // The API explorer (Swagger UI) calls the token endpoint from the gateway's pages.
    clientBasedCORS: (_ctx, origin, client) =>
      client.clientAuthMethod === 'none' && (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),

    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = providerErrorPage(out);
    },

    ttl: {
      AccessToken: HOUR,
      AuthorizationCode: 60,
      ClientCredentials: HOUR,
      IdToken: HOUR,
      Interaction: HOUR,
      Session: 8 * HOUR,
      Grant: 8 * HOUR,
    },
  };
}
