import type { JWTPayload } from 'jose';
import { ApiClient, decodeJwtPayload, demoClientClaims, demoUserClaims, mintAccessToken, requiredEnv, roleIdOf, signInForTokens, type MintOptions } from '@scrt/testing';

// Every token here is validly signed (dev-identity's test signing key, published in the test
// profile only) and right in every way but the one claim each case names.
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;
/** The gateway's CLOCK_SKEW_SECONDS and default ACCESS_TOKEN_MAX_AGE_SECONDS, as the README states them. */
const SKEW = 30;
/** A read that demo users and machine clients alike may make. */
const readableByEveryone = '/api/v1/reference-data/organisations/QWO';

const user = (claims: JWTPayload = {}) => ({ ...demoUserClaims('icb.input'), ...claims });
const client = (claims: JWTPayload = {}) => ({ ...demoClientClaims('wy-case-system'), ...claims });
const icbInputRole = (overrides: Record<string, unknown>) => [{ person_roleid: roleIdOf('icb.input'), org_code: 'QWO', role_code: 'S8000:G8000:R8001', workgroups: ['scrt-data-input'], ...overrides }];

/** Claims are made when the test runs, so that times relative to now stay what the case says. */
async function outcomeOf(claims: () => JWTPayload, options: MintOptions = {}): Promise<string> {
  const response = await new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'), await mintAccessToken(claims(), options)).get(readableByEveryone);
  if (response.status === 200) return '200';
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return `${response.status} ${String(response.body.code)}`;
}

// Each row gives its mint options, even `{}`: a row shorter than the test's parameters makes Jest
// pass a `done` callback and wait for it.
describe('access token claims, one at a time', () => {
  it.each<[string, () => JWTPayload, MintOptions]>([
    ['a user token right in every way', () => user(), {}],
    ['a machine client token right in every way', () => client(), {}],
    ['iat in the future within the clock skew', () => user({ iat: now() + SKEW - 10 }), {}],
    ['exp just past, within the clock skew', () => user({ exp: now() - (SKEW - 10) }), {}],
    ['nbf in the future within the clock skew', () => user({ nbf: now() + SKEW - 10 }), {}],
    ['an assurance level of "2" (a string, as CIS2 sends it)', () => user({ authentication_assurance_level: '2' }), {}],
    ['an assurance level of 2 (a number)', () => user({ authentication_assurance_level: 2 }), {}],
  ])('accepts %s', async (_label, claims, options) => {
    expect(await outcomeOf(claims, options)).toBe('200');
  });

  it.each<[string, () => JWTPayload, MintOptions]>([
    ['a wrong issuer', () => user({ iss: 'https://evil.example' }), {}],
    ['a wrong audience', () => user({ aud: 'urn:other:api' }), {}],
    ['an expired token (past the skew)', () => user({ iat: now() - 600, exp: now() - (SKEW + 30) }), {}],
    ['no exp', () => user({ exp: undefined }), {}],
    ['nbf in the future (past the skew)', () => user({ nbf: now() + SKEW + 30 }), {}],
    ['iat in the future (past the skew)', () => user({ iat: now() + SKEW + 30, exp: now() + 600 }), {}],
    ['no iat', () => user({ iat: undefined }), {}],
    ['a token older than the maximum age, though not expired', () => user({ iat: now() - HOUR - SKEW - 30, exp: now() + 300 }), {}],
    ['typ JWT (an ID token’s)', () => user(), { typ: 'JWT' }],
    ['no sub', () => user({ sub: undefined }), {}],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_label, claims, options) => {
    expect(await outcomeOf(claims, options)).toBe('401 UNAUTHENTICATED');
  });

  it.each<[string, () => JWTPayload, string]>([
    ['assurance level 1', () => user({ authentication_assurance_level: '1' }), 'INSUFFICIENT_ASSURANCE'],
    ['no assurance level', () => user({ authentication_assurance_level: undefined }), 'INSUFFICIENT_ASSURANCE'],
    ['an assurance level that is no number', () => user({ authentication_assurance_level: 'high' }), 'INSUFFICIENT_ASSURANCE'],
    ['no selected_roleid', () => user({ selected_roleid: undefined }), 'NO_MATCHING_ROLE'],
    ['a selected_roleid not among the roles', () => user({ selected_roleid: '999999999999' }), 'NO_MATCHING_ROLE'],
    ['a selected role without workgroups', () => user({ nhsid_nrbac_roles: icbInputRole({ workgroups: undefined }) }), 'NO_PERMISSIONS'],
    ['a selected role whose workgroups map to no permission', () => user({ nhsid_nrbac_roles: icbInputRole({ workgroups: ['unrelated'] }) }), 'NO_PERMISSIONS'],
    ['a selected role at an organisation the tracker does not know', () => user({ nhsid_nrbac_roles: icbInputRole({ org_code: 'ZZ9' }) }), 'UNKNOWN_ORGANISATION'],
    ['role claims granted with scope openid alone', () => user({ scope: 'openid' }), 'ROLE_SCOPE_NOT_GRANTED'],
    ['role claims without the nationalrbacaccess scope', () => user({ scope: 'openid profile nhsperson selectedrole' }), 'ROLE_SCOPE_NOT_GRANTED'],
    ['a selected role without the selectedrole scope', () => user({ scope: 'openid profile nhsperson nationalrbacaccess' }), 'ROLE_SCOPE_NOT_GRANTED'],
    ['a machine client token without scope', () => client({ scope: undefined }), 'NO_PERMISSIONS'],
    ['a machine client token with an unknown scope', () => client({ scope: 'scrt:everything' }), 'NO_PERMISSIONS'],
    ['a machine client token without org_code', () => client({ org_code: undefined }), 'NO_PERMISSIONS'],
    ['a machine client token of an unknown organisation', () => client({ org_code: 'ZZ9' }), 'UNKNOWN_ORGANISATION'],
  ])('refuses %s with 403', async (_label, claims, code) => {
    expect(await outcomeOf(claims)).toBe(`403 ${code}`);
  });
});

describe('role claims come and count only with the CIS2 scopes that carry them', () => {
  it('dev-identity leaves them out of a token asked for with openid alone, and the gateway refuses it', async () => {
    const { accessToken } = await signInForTokens(requiredEnv('SCRT_TEST_IDENTITY_URL'), { username: 'icb.input', scope: 'openid' });
    const claims = decodeJwtPayload(accessToken);
    expect(claims.scope).toBe('openid');
    expect(claims).not.toHaveProperty('nhsid_nrbac_roles');
    expect(claims).not.toHaveProperty('selected_roleid');
    const response = await new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'), accessToken).get(readableByEveryone);
    expect([response.status, response.body.code]).toEqual([403, 'ROLE_SCOPE_NOT_GRANTED']);
  });

  it('dev-identity releases each with its scope: roles with nationalrbacaccess, the selected role with selectedrole', async () => {
    const issuer = requiredEnv('SCRT_TEST_IDENTITY_URL');
    const rolesOnly = decodeJwtPayload((await signInForTokens(issuer, { username: 'icb.input', scope: 'openid nationalrbacaccess' })).accessToken);
    expect(rolesOnly).toHaveProperty('nhsid_nrbac_roles');
    expect(rolesOnly).not.toHaveProperty('selected_roleid');
    const selectedOnly = decodeJwtPayload((await signInForTokens(issuer, { username: 'icb.input', scope: 'openid selectedrole' })).accessToken);
    expect(selectedOnly.selected_roleid).toBe(roleIdOf('icb.input'));
    expect(selectedOnly).not.toHaveProperty('nhsid_nrbac_roles');
  });
});
