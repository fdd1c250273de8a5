import { beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import type { OidcIssuer } from '../auth/issuer.js';
import type { GatewayEnv } from '../config/gateway.config.js';
import { OidcClient } from './oidc-client.js';
import { SignInFailedError } from './session.errors.js';

const ISSUER = 'http://identity.test';
const config = {
  OIDC_ISSUER: ISSUER,
  OIDC_CLIENT_ID: 'scrt-gateway',
  OIDC_CLIENT_SECRET: 'client-secret-for-tests',
  GATEWAY_PUBLIC_URL: 'http://gateway.test',
} as GatewayEnv;

describe('OidcClient', () => {
  let client: OidcClient;
  let sign: (claims: JWTPayload, alg?: string) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
    const issuer = {
      discover: async () => ({ issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, jwks_uri: `${ISSUER}/jwks` }),
      keys: async () => jwks,
    } as unknown as OidcIssuer;
    client = new OidcClient(config, issuer);
    const now = Math.floor(Date.now() / 1000);
    sign = (claims, alg = 'RS256') =>
      new SignJWT({ iss: ISSUER, aud: 'scrt-gateway', sub: 'user-1', nonce: 'nonce-1', iat: now, exp: now + 300, ...claims })
        .setProtectedHeader({ alg, kid: 'k1' })
        .sign(alg === 'HS256' ? new TextEncoder().encode(config.OIDC_CLIENT_SECRET) : privateKey);
  });

  it('asks for a code with PKCE S256, state, nonce, the CIS2 scopes and the exact callback URL', async () => {
    // The code verifier and challenge of RFC 7636, appendix B.
    const codeVerifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const url = new URL(await client.authorizationUrl({ state: 'state-1', nonce: 'nonce-1', codeVerifier }));
    expect(url.origin + url.pathname).toBe(`${ISSUER}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'scrt-gateway',
      redirect_uri: 'http://gateway.test/auth/callback',
      scope: 'openid profile email nhsperson associatedorgs nationalrbacaccess selectedrole',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      prompt: 'login',
    });
  });

  it('ends the provider session with the ID token as hint and the registered post-logout URI', async () => {
    const withEndSession = new OidcClient(config, {
      discover: async () => ({ issuer: ISSUER, end_session_endpoint: `${ISSUER}/session/end` }),
    } as unknown as OidcIssuer);
    const url = new URL((await withEndSession.endSessionUrl('the-id-token'))!);
    expect(url.origin + url.pathname).toBe(`${ISSUER}/session/end`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id_token_hint: 'the-id-token',
      client_id: 'scrt-gateway',
      post_logout_redirect_uri: 'http://gateway.test/',
    });
    await expect(client.endSessionUrl('the-id-token')).resolves.toBeUndefined();
  });

  it('accepts an ID token from the issuer, for this client, for this sign-in', async () => {
    await expect(client.verifyIdToken(await sign({}), 'nonce-1')).resolves.toMatchObject({ sub: 'user-1' });
  });

  it.each([
    ['another sign-in (nonce)', { nonce: 'nonce-2' }],
    ['another client (aud)', { aud: 'someone-else' }],
    ['another issuer', { iss: 'http://evil.test' }],
    ['several audiences without us as authorised party', { aud: ['scrt-gateway', 'other'], azp: 'other' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 60 }],
  ])('refuses an ID token for %s', async (_case, claims) => {
    await expect(client.verifyIdToken(await sign(claims), 'nonce-1')).rejects.toThrow(SignInFailedError);
  });

  it('refuses an ID token signed with the client secret (HS256), whatever it says', async () => {
    await expect(client.verifyIdToken(await sign({}, 'HS256'), 'nonce-1')).rejects.toThrow(SignInFailedError);
  });

  it('accepts a callback that names no issuer or the right one, and refuses another (RFC 9207)', () => {
    expect(() => client.checkCallbackIssuer(undefined)).not.toThrow();
    expect(() => client.checkCallbackIssuer(ISSUER)).not.toThrow();
    expect(() => client.checkCallbackIssuer('http://evil.test')).toThrow(SignInFailedError);
  });
});
