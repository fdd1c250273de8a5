import { isProviderPath } from './mount-oidc-provider.js';

describe('provider paths', () => {
  it.each(['/.well-known/openid-configuration', '/auth?client_id=x', '/auth/abc123', '/token', '/jwks', '/session/end/confirm'])('%s goes to oidc-provider', (url) => {
    expect(isProviderPath(url)).toBe(true);
  });

  it.each(['/me', '/interaction/abc/account', '/health/ready', '/dev/rotate-keys', '/authorize', '/tokens'])('%s stays with the Nest app', (url) => {
    expect(isProviderPath(url)).toBe(false);
  });
});
