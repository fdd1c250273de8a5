import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { clientCredentialsToken, decodeJwtPayload, signInForTokens, testSigningKey } from '@scrt/testing';
import { loadDemoAccounts, type DemoAccounts } from './accounts/demo-accounts.js';

const API_AUDIENCE = 'urn:scrt:api';
const ACCOUNTS_FILE = new URL('../demo-accounts.json', import.meta.url).pathname;

interface Discovery {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  scopes_supported: string[];
  id_token_signing_alg_values_supported: string[];
}

interface PublicJwks {
  keys: Record<string, unknown>[];
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('dev-identity, running', () => {
  let identityUrl: string;
  let discovery: Discovery;
  let accounts: DemoAccounts;

  const caseSystemToken = () => {
    const client = accounts.clients.find((candidate) => candidate.client_id === 'wy-case-system');
    if (!client) throw new Error('demo client wy-case-system is missing');
    return clientCredentialsToken(identityUrl, client.client_id, client.client_secret, 'scrt:case-management');
  };

  const verifyAccessToken = async (token: string): Promise<JWTPayload> => {
    const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
    const { payload } = await jwtVerify(token, keys, { issuer: discovery.issuer, audience: API_AUDIENCE, typ: 'at+jwt', algorithms: ['RS256'] });
    return payload;
  };

  beforeAll(async () => {
    const url = process.env.SCRT_TEST_IDENTITY_URL;
    if (!url) throw new Error('SCRT_TEST_IDENTITY_URL is not set: run through jest.stack.config.mjs');
    identityUrl = url;
    discovery = await getJson<Discovery>(new URL('/.well-known/openid-configuration', identityUrl).href);
    accounts = await loadDemoAccounts(ACCOUNTS_FILE);
  });

  it('publishes its discovery document and a public JWKS', async () => {
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'nhsperson', 'associatedorgs', 'nationalrbacaccess', 'selectedrole']),
    );
    expect(discovery.id_token_signing_alg_values_supported).toEqual(['RS256']);
    const jwks = await getJson<PublicJwks>(discovery.jwks_uri);
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('publishes the test profile’s signing key after its own keys, and never signs with it', async () => {
    const testKid = testSigningKey().kid;
    const jwks = await getJson<PublicJwks>(discovery.jwks_uri);
    expect(jwks.keys.at(-1)).toMatchObject({ kid: testKid, alg: 'RS256' });
    expect(jwks.keys.at(-1)).not.toHaveProperty('d');
    expect(decodeProtectedHeader(await caseSystemToken()).kid).not.toBe(testKid);
  });

  it('puts in a user access token only the claims of the scopes asked for', async () => {
    const { accessToken } = await signInForTokens(identityUrl, { username: 'icb.input', scope: 'openid' });
    const access = await verifyAccessToken(accessToken);
    expect(access).toMatchObject({ sub: '555000000001', scope: 'openid', authentication_assurance_level: '3' });
    for (const claim of ['nhsid_nrbac_roles', 'selected_roleid', 'nhsid_user_orgs', 'nhsid_useruid', 'name']) expect(access).not.toHaveProperty(claim);
    const userinfo = await getJson<Record<string, unknown>>(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(userinfo).toEqual({ sub: '555000000001', authentication_assurance_level: '3' });
  });

  it('gives a machine client an RFC 9068 access token bound to its organisation', async () => {
    const token = await caseSystemToken();
    expect(decodeProtectedHeader(token)).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
    expect(await verifyAccessToken(token)).toMatchObject({
      sub: 'wy-case-system',
      client_id: 'wy-case-system',
      org_code: 'QWO',
      scope: 'scrt:case-management',
      aud: API_AUDIENCE,
    });
  });

  it('signs a multi-role user in with code + PKCE, in the role they choose', async () => {
    const user = accounts.users.find((candidate) => candidate.username === 'icb.multi');
    const qmjRole = user?.roles.find((role) => role.org_code === 'QMJ');
    if (!user || !qmjRole) throw new Error('demo user icb.multi with a QMJ role is missing');

    const { accessToken, idToken } = await signInForTokens(identityUrl, { username: 'icb.multi', roleId: qmjRole.person_roleid });

    const access = await verifyAccessToken(accessToken);
    expect(access).toMatchObject({ sub: user.nhsid_useruid, nhsid_useruid: user.nhsid_useruid, name: user.name, authentication_assurance_level: '3' });
    expect(access.selected_roleid).toBe(qmjRole.person_roleid);
    expect((access.nhsid_nrbac_roles as { org_code: string }[]).map((role) => role.org_code)).toEqual(['QWO', 'QMJ']);
    expect(access.nhsid_user_orgs).toEqual(['QWO', 'QMJ'].map((org_code) => ({ org_code, org_name: accounts.organisations[org_code] })));

    expect(decodeProtectedHeader(idToken).typ).not.toBe('at+jwt');
    expect(decodeJwtPayload(idToken)).toMatchObject({ aud: 'scrt-api-explorer', selected_roleid: qmjRole.person_roleid, nhsid_useruid: user.nhsid_useruid });

    const userinfo = await getJson<Record<string, unknown>>(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(userinfo).toMatchObject({ sub: user.nhsid_useruid, selected_roleid: qmjRole.person_roleid, nhsid_nrbac_roles: access.nhsid_nrbac_roles });
  });

  it('rotates its signing key on request, still publishing the previous one', async () => {
    const before = await caseSystemToken();
    const previousKid = decodeProtectedHeader(before).kid;

    const rotation = await getJson<{ signingKid: string; publishedKids: string[] }>(new URL('/dev/rotate-keys', identityUrl).href, { method: 'POST' });
    expect(rotation.signingKid).not.toBe(previousKid);
    expect(rotation.publishedKids).toEqual([rotation.signingKid, previousKid]);

    const after = await caseSystemToken();
    expect(decodeProtectedHeader(after).kid).toBe(rotation.signingKid);
    const jwks = await getJson<PublicJwks>(discovery.jwks_uri);
    expect(jwks.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([rotation.signingKid, previousKid]));
    await expect(verifyAccessToken(before)).resolves.toMatchObject({ client_id: 'wy-case-system' });
    await expect(verifyAccessToken(after)).resolves.toMatchObject({ client_id: 'wy-case-system' });
  });
});
