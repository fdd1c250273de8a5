import type { ClientMetadata } from 'oidc-provider';
import type { DemoClient } from '../accounts/demo-accounts.js';
import type { DevIdentityEnv } from '../config/dev-identity.config.js';
import { CIS2_SCOPE_NAMES } from '@scrt/contracts';

export const GATEWAY_CLIENT_ID = 'scrt-gateway';
/** Public client for trying the API: Swagger UI in the gateway, and end-to-end tests. */
export const API_EXPLORER_CLIENT_ID = 'scrt-api-explorer';
/** Never fetched: end-to-end tests read the code from the redirect itself. */
export const E2E_REDIRECT_URI = 'http://localhost/e2e-callback';

const userSignIn = {
  grant_types: ['authorization_code'],
  response_types: ['code'],
  scope: CIS2_SCOPE_NAMES.join(' '),
} satisfies Partial<ClientMetadata>;

export function registeredClients(config: DevIdentityEnv, machineClients: readonly DemoClient[]): ClientMetadata[] {
  const gatewayOrigin = new URL(config.DEV_IDENTITY_GATEWAY_REDIRECT_URI).origin;
  return [
    {
      ...userSignIn,
      client_id: GATEWAY_CLIENT_ID,
      client_secret: config.DEV_IDENTITY_GATEWAY_CLIENT_SECRET,
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [config.DEV_IDENTITY_GATEWAY_REDIRECT_URI],
      post_logout_redirect_uris: [`${gatewayOrigin}/`],
    },
    {
      ...userSignIn,
      client_id: API_EXPLORER_CLIENT_ID,
      token_endpoint_auth_method: 'none',
      redirect_uris: [E2E_REDIRECT_URI, `${gatewayOrigin}/api/docs/oauth2-redirect.html`],
    },
    ...machineClients.map((client): ClientMetadata => ({
      client_id: client.client_id,
      client_secret: client.client_secret,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: client.scopes.join(' '),
    })),
  ];
}
