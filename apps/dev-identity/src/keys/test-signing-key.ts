import type { JWK } from 'jose';
import { SIGNING_ALGORITHM, type PrivateJwks } from './signing-keys.js';

/**
 * The test profile's extra key (`DEV_IDENTITY_TEST_SIGNING_KEY`, a private RS256 JWK): published
 * after the provider's own keys, never used by the provider to sign, so that tests can mint validly
 * signed tokens with any claims. `npm start` never sets it.
 */
export function parseTestSigningKey(json: string | undefined): JWK | undefined {
  if (json === undefined || json === '') return undefined;
  let key: JWK;
  try {
    key = JSON.parse(json) as JWK;
  } catch {
    throw new Error('DEV_IDENTITY_TEST_SIGNING_KEY is not JSON');
  }
  if (key.kty !== 'RSA' || key.alg !== SIGNING_ALGORITHM || !key.kid || !key.d) {
    throw new Error(`DEV_IDENTITY_TEST_SIGNING_KEY must be a private RSA JWK with a kid and alg ${SIGNING_ALGORITHM}`);
  }
  return { ...key, use: 'sig' };
}

/** The provider's keys, then the test key: the provider signs with the first key for the algorithm. */
export function withTestSigningKey(jwks: PrivateJwks, testKey: JWK | undefined): PrivateJwks {
  return testKey ? { keys: [...jwks.keys, testKey] } : jwks;
}
