import { generateKeyPairSync } from 'node:crypto';
import { parseTestSigningKey, withTestSigningKey } from './test-signing-key.js';

const rsaJwk = () => ({ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256' });

describe('the test signing key', () => {
  it('is absent unless the environment gives one', () => {
    expect(parseTestSigningKey(undefined)).toBeUndefined();
    expect(parseTestSigningKey('')).toBeUndefined();
  });

  it('is a private RS256 JWK with a kid, published after the provider’s own keys', () => {
    const key = parseTestSigningKey(JSON.stringify(rsaJwk()));
    expect(key).toMatchObject({ kty: 'RSA', kid: 'test-key', alg: 'RS256', use: 'sig', d: expect.any(String) });
    const own = { keys: [{ kid: 'signing' }, { kid: 'previous' }] };
    expect(withTestSigningKey(own, key).keys.map((jwk) => jwk.kid)).toEqual(['signing', 'previous', 'test-key']);
    expect(withTestSigningKey(own, undefined)).toBe(own);
  });

  it.each([
    ['not JSON', '{'],
    ['a public key', JSON.stringify({ ...rsaJwk(), d: undefined })],
    ['a key without kid', JSON.stringify({ ...rsaJwk(), kid: undefined })],
    ['another algorithm', JSON.stringify({ ...rsaJwk(), alg: 'PS256' })],
  ])('stops the provider when it is %s', (_label, json) => {
    expect(() => parseTestSigningKey(json)).toThrow(/DEV_IDENTITY_TEST_SIGNING_KEY/);
  });
});
