import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { InternalTokenSigner } from '@scrt/auth';
import { caseInput, API_AUDIENCE, ApiClient, apiAsUser, demoUserClaims, mintAccessToken, requiredEnv, roleIdOf, signInForTokens, testSigningKey } from '@scrt/testing';

// The claim-by-claim checks (issuer, audience, times, type, assurance, roles, scopes) are in
// token-claims.e2e-spec.ts; this file checks signatures, keys and where tokens are accepted.
const issuer = () => requiredEnv('SCRT_TEST_IDENTITY_URL');
const gateway = (token: string) => new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'), token);
const caseload = '/api/v1/reports/caseload';

describe('the gateway accepts only access tokens signed by its issuer', () => {
  it('accepts a token signed with a key the issuer publishes (the control for the refusals below)', async () => {
    const response = await gateway(await mintAccessToken(demoUserClaims('icb.input'))).post('/api/v1/cases', caseInput({ incidentDate: '2026-01-01', reviewType: 'OTHER' }));
    expect(response.status).toBe(201);
  });

  // Before the unknown-key case below: that one makes the gateway refetch the JWKS, and for 2 s
  // after, a token signed with a key rotated by another test would not be found.
  it('refuses with 403 a signed-in user who has no role at all', async () => {
    const response = await (await apiAsUser('no.role')).get(caseload);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('NO_MATCHING_ROLE');
  });

  it.each([
    ['no token', async () => ''],
    ['alg none', async () => {
      const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ ...demoUserClaims('icb.input'), iss: issuer(), aud: API_AUDIENCE, exp: now + 300, iat: now })}.`;
    }],
    ['a key the issuer never published', async () => {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      return mintAccessToken(demoUserClaims('icb.input'), { key: { ...(await exportJWK(privateKey)), kid: 'unknown-key' } });
    }],
    ['an HMAC token signed with the public key as secret', async () => {
      const { n } = testSigningKey();
      return new SignJWT(demoUserClaims('icb.input')).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setIssuer(issuer()).setAudience(API_AUDIENCE).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(n));
    }],
    ['an ID token used as an access token', async () => (await signInForTokens(issuer(), { username: 'icb.input', roleId: roleIdOf('icb.input') })).idToken],
  ])('refuses %s with 401 problem+json', async (_label, token) => {
    const value = await token();
    const client = value ? gateway(value) : new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'));
    const response = await client.get(caseload);
    expect({ status: response.status, contentType: response.headers.get('content-type'), code: response.body?.code }).toEqual({
      status: 401,
      contentType: expect.stringContaining('application/problem+json'),
      code: 'UNAUTHENTICATED',
    });
  });

});

describe('services trust only the gateway', () => {
  const caseIntake = () => requiredEnv('SCRT_TEST_CASE_INTAKE_URL');

  it('refuses a request sent straight to a service with a forged identity header', async () => {
    const response = await fetch(new URL('/api/v1/cases', caseIntake()), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-principal': JSON.stringify({ organisationCode: 'QWO', permissions: ['case:create'] }), 'x-org-code': 'QWO' },
      body: JSON.stringify(caseInput({ incidentDate: '2026-01-01', reviewType: 'OTHER' })),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a user access token sent straight to a service', async () => {
    const { accessToken } = await signInForTokens(issuer(), { username: 'icb.input', roleId: roleIdOf('icb.input') });
    const response = await fetch(new URL('/api/v1/cases/00000000-0000-4000-8000-000000000000', caseIntake()), { headers: { authorization: `Bearer ${accessToken}` } });
    expect(response.status).toBe(401);
  });

  it('refuses an internal token signed by a key other than the gateway’s', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const pem = (await import('node:crypto')).createPrivateKey({ key: (await exportJWK(privateKey)) as never, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
    const forged = await (await InternalTokenSigner.fromPem(pem)).sign({ subject: 'x', kind: 'user', organisationCode: 'QWO', regionCode: 'Y63', tier: 'national', permissions: ['case:read'] });
    const response = await fetch(new URL('/api/v1/cases/00000000-0000-4000-8000-000000000000', caseIntake()), { headers: { authorization: `Bearer ${forged}` } });
    expect(response.status).toBe(401);
  });
});

describe('signing keys rotate without restarting the gateway', () => {
  it('accepts tokens signed with the new key and still those signed with the previous one', async () => {
    const before = await signInForTokens(issuer(), { username: 'icb.reporting', roleId: roleIdOf('icb.reporting') });
    const rotation = await fetch(new URL('/dev/rotate-keys', issuer()), { method: 'POST' });
    expect(rotation.status).toBeLessThan(300);
    const { signingKid } = (await rotation.json()) as { signingKid: string };

    const after = await signInForTokens(issuer(), { username: 'icb.reporting', roleId: roleIdOf('icb.reporting') });
    const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid as string;
    expect(kidOf(after.accessToken)).toBe(signingKid);
    expect(kidOf(before.accessToken)).not.toBe(signingKid);

    // The gateway refetches the key set for an unknown kid (after a short pause between fetches).
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await gateway(after.accessToken).get(caseload)).status).toBe(200);
    expect((await gateway(before.accessToken).get(caseload)).status).toBe(200);
  });
});
