import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { GatewayEnv } from '../config/gateway.config.js';
import { AccessTokenVerifier, CLOCK_SKEW_SECONDS } from './access-token.verifier.js';
import type { OidcIssuer } from './issuer.js';

const ISSUER = 'http://localhost:3100';
const AUDIENCE = 'urn:scrt:api';
const { publicKey, privateKey } = await generateKeyPair('RS256');
const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });

function verifier(maxAgeSeconds = 3600): AccessTokenVerifier {
  const config = Object.assign(new GatewayEnv(), { OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, ACCESS_TOKEN_MAX_AGE_SECONDS: maxAgeSeconds });
  return new AccessTokenVerifier(config, { keys: async () => keys } as unknown as OidcIssuer);
}

const now = () => Math.floor(Date.now() / 1000);

/** A token right in every way but the times given, relative to now in seconds. */
function token(times: { iat?: number; exp?: number; nbf?: number } = {}): Promise<string> {
  const claims: JWTPayload = { iss: ISSUER, aud: AUDIENCE, sub: 'user-1', iat: now() + (times.iat ?? 0), exp: now() + (times.exp ?? 300) };
  if (times.nbf !== undefined) claims.nbf = now() + times.nbf;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'at+jwt' }).sign(privateKey);
}

const inSkew = CLOCK_SKEW_SECONDS - 10;
const pastSkew = CLOCK_SKEW_SECONDS + 10;

describe('access token claim checks', () => {
  it('allow a clock skew of 30 seconds', () => {
    expect(CLOCK_SKEW_SECONDS).toBe(30);
  });

  it('accept a token issued now', async () => {
    await expect(verifier().verify(await token())).resolves.toMatchObject({ sub: 'user-1' });
  });

  it.each([
    ['issued in the future, within the skew', { iat: inSkew }],
    ['expired, within the skew', { exp: -inSkew }],
    ['not valid yet, within the skew', { nbf: inSkew }],
    ['as old as the maximum age, within the skew', { iat: -3600 - inSkew }],
  ])('accept a token %s', async (_label, times) => {
    await expect(verifier().verify(await token(times))).resolves.toMatchObject({ sub: 'user-1' });
  });

  it.each([
    ['issued in the future, past the skew', { iat: pastSkew }, /iat.*should be in the past/],
    ['expired, past the skew', { exp: -pastSkew }, /exp/],
    ['not valid yet, past the skew', { nbf: pastSkew }, /nbf/],
    ['older than the maximum age, though not expired', { iat: -3600 - pastSkew }, /iat.*too far in the past/],
  ])('refuse a token %s', async (_label, times, reason) => {
    await expect(verifier().verify(await token(times))).rejects.toThrow(reason);
  });

  it('take the maximum age from the configuration', async () => {
    const tenMinutesOld = await token({ iat: -600 - pastSkew });
    await expect(verifier(600).verify(tenMinutesOld)).rejects.toThrow(/too far in the past/);
    await expect(verifier(3600).verify(tenMinutesOld)).resolves.toMatchObject({ sub: 'user-1' });
  });
});
