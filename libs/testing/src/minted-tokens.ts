import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { demoAccounts } from './api-client.js';
import { USER_SCOPE } from './identity-client.js';
import { appEnvironment } from './stack-control.js';
import { requiredEnv } from './test-env.js';

/** The audience of every access token dev-identity issues (DEV_IDENTITY_API_AUDIENCE). */
export const API_AUDIENCE = 'urn:scrt:api';

/**
 * The private key the test stack's dev-identity publishes in its JWKS besides its own keys
 * (DEV_IDENTITY_TEST_SIGNING_KEY, set for the test profile only): tokens signed with it are as
 * valid to the gateway as the provider's own.
 */
export function testSigningKey(): JWK {
  const json = appEnvironment('dev-identity').DEV_IDENTITY_TEST_SIGNING_KEY;
  if (!json) throw new Error('the test stack’s dev-identity has no DEV_IDENTITY_TEST_SIGNING_KEY');
  return JSON.parse(json) as JWK;
}

export interface MintOptions {
  /** The header's `typ` (an access token says `at+jwt`). */
  typ?: string;
  /** Another key than the test signing key (one the provider never published). */
  key?: JWK;
}

/**
 * A validly signed access token with the claims given on top of a right issuer, audience, `iat`
 * (now) and `exp` (in five minutes); a claim given as `undefined` is left out.
 */
export async function mintAccessToken(claims: JWTPayload, options: MintOptions = {}): Promise<string> {
  const key = options.key ?? testSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: requiredEnv('SCRT_TEST_IDENTITY_URL'), aud: API_AUDIENCE, iat: now, exp: now + 300, ...claims };
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: options.typ ?? 'at+jwt' }).sign(await importJWK(key, 'RS256'));
}

interface DemoUserRoles {
  username: string;
  name: string;
  nhsid_useruid: string;
  roles: { person_roleid: string; org_code: string; role_code?: string; role_name?: string; workgroups?: string[] }[];
}

/** The claims dev-identity puts in a demo user's access token with every scope, in the role at `organisationCode` (the first role if not given). */
export function demoUserClaims(username: string, organisationCode?: string): JWTPayload {
  const user = (demoAccounts().users as DemoUserRoles[]).find((candidate) => candidate.username === username);
  const role = user?.roles.find((candidate) => !organisationCode || candidate.org_code === organisationCode);
  if (!user || !role) throw new Error(`demo account ${username} has no role${organisationCode ? ` at ${organisationCode}` : ''}`);
  return {
    sub: user.nhsid_useruid,
    nhsid_useruid: user.nhsid_useruid,
    name: user.name,
    client_id: 'scrt-api-explorer',
    scope: USER_SCOPE,
    authentication_assurance_level: '3',
    selected_roleid: role.person_roleid,
    nhsid_nrbac_roles: user.roles,
  };
}

/** The claims of a demo machine client's access token (client credentials, every scope it holds). */
export function demoClientClaims(clientId: string): JWTPayload {
  const client = demoAccounts().clients.find((candidate) => candidate.client_id === clientId);
  if (!client) throw new Error(`no demo client ${clientId}`);
  return { sub: client.client_id, client_id: client.client_id, org_code: client.org_code, scope: client.scopes.join(' ') };
}
