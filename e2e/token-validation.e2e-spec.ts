import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload } from 'jose';
import { InternalTokenSigner } from '@scrt/auth';
import { ApiClient, apiAsUser, appEnvironment, requiredEnv, roleIdOf, signInForTokens } from '@scrt/testing';

/** The identity provider's current signing key, to mint tokens that differ from real ones in one way only. */
function providerSigningKey(): JWK {
  const dataDir = appEnvironment('dev-identity').DEV_IDENTITY_DATA_DIR;
  const { keys } = JSON.parse(readFileSync(path.join(dataDir, 'jwks.json'), 'utf8')) as { keys: JWK[] };
  return keys[0];
}

const issuer = () => requiredEnv('SCRT_TEST_IDENTITY_URL');
const gateway = (token: string) => new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'), token);

function userClaims(overrides: JWTPayload = {}): JWTPayload {
  const roleId = roleIdOf('icb.input');
  return {
    sub: '555000000001',
    nhsid_useruid: '555000000001',
    selected_roleid: roleId,
    authentication_assurance_level: '3',
    nhsid_nrbac_roles: [{ person_roleid: roleId, org_code: 'QWO', role_code: 'S8000:G8000:R8001', workgroups: ['scrt-data-input'] }],
    client_id: 'scrt-api-explorer',
    ...overrides,
  };
}

async function mint(claims: JWTPayload, options: { key?: JWK; typ?: string; issuer?: string; audience?: string; expiresIn?: string | number } = {}) {
  const jwk = options.key ?? providerSigningKey();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: options.typ ?? 'at+jwt' })
    .setIssuer(options.issuer ?? issuer())
    .setAudience(options.audience ?? 'urn:scrt:api')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(await importJWK(jwk, 'RS256'));
}

const caseload = '/api/v1/reports/caseload';
const asProblem = (response: { status: number; headers: Headers; body: unknown }) => ({
  status: response.status,
  contentType: response.headers.get('content-type'),
  code: (response.body as { code?: string })?.code,
});

describe('the gateway accepts only valid access tokens from its issuer', () => {
  it('accepts a minted token that is right in every way (the control for the refusals below)', async () => {
    const response = await gateway(await mint(userClaims())).post('/api/v1/cases', { incidentDate: '2026-01-01', reviewType: 'OTHER' });
    expect(response.status).toBe(201);
  });

  it.each([
    ['no token', async () => ''],
    ['alg none', async () => {
      const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
      return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ ...userClaims(), iss: issuer(), aud: 'urn:scrt:api', exp: Math.floor(Date.now() / 1000) + 300, iat: Math.floor(Date.now() / 1000) })}.`;
    }],
    ['a wrong issuer', async () => mint(userClaims(), { issuer: 'https://evil.example' })],
    ['a wrong audience', async () => mint(userClaims(), { audience: 'urn:other:api' })],
    ['an expired token', async () => mint(userClaims(), { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['a key the issuer never published', async () => {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      return mint(userClaims(), { key: { ...(await exportJWK(privateKey)), kid: 'unknown-key' } });
    }],
    ['a token not valid yet (nbf in the future)', async () => mint(userClaims({ nbf: Math.floor(Date.now() / 1000) + 600 }))],
    ['a token typed as an ID token (typ JWT) though otherwise right', async () => mint(userClaims(), { typ: 'JWT' })],
    ['an HMAC token signed with the public key as secret', async () => {
      const { n } = providerSigningKey();
      return new SignJWT(userClaims()).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setIssuer(issuer()).setAudience('urn:scrt:api').setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(n));
    }],
    ['an ID token used as an access token', async () => (await signInForTokens(issuer(), { username: 'icb.input', roleId: roleIdOf('icb.input') })).idToken],
  ])('refuses %s with 401 problem+json', async (_label, token) => {
    const value = await token();
    const client = value ? gateway(value) : new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'));
    expect(asProblem(await client.get(caseload))).toEqual({ status: 401, contentType: expect.stringContaining('application/problem+json'), code: 'UNAUTHENTICATED' });
  });

  it('refuses with 403 a user whose selected_roleid matches none of their roles', async () => {
    const response = await gateway(await mint(userClaims({ selected_roleid: '999999999999' }))).get(caseload);
    expect(asProblem(response)).toEqual({ status: 403, contentType: expect.stringContaining('application/problem+json'), code: 'NO_MATCHING_ROLE' });
  });

  it('refuses with 403 a signed-in user who has no role at all', async () => {
    const response = await (await apiAsUser('no.role')).get(caseload);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('NO_MATCHING_ROLE');
  });

  it('refuses with 403 a role whose workgroups map to no tracker permission', async () => {
    const roles = [{ person_roleid: '123', org_code: 'QWO', role_code: 'S0000:G0000:R0000', workgroups: ['unrelated'] }];
    const response = await gateway(await mint(userClaims({ selected_roleid: '123', nhsid_nrbac_roles: roles }))).get(caseload);
    expect(response.body.code).toBe('NO_PERMISSIONS');
  });
});

describe('services trust only the gateway', () => {
  const caseIntake = () => requiredEnv('SCRT_TEST_CASE_INTAKE_URL');

  it('refuses a request sent straight to a service with a forged identity header', async () => {
    const response = await fetch(new URL('/api/v1/cases', caseIntake()), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-principal': JSON.stringify({ organisationCode: 'QWO', permissions: ['case:create'] }), 'x-org-code': 'QWO' },
      body: JSON.stringify({ incidentDate: '2026-01-01', reviewType: 'OTHER' }),
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
