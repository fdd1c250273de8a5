import type { DomainError } from '@scrt/http';
import type { ExternalClaims } from './cis2-claims.js';
import type { OrganisationDirectory, OrganisationPlacement } from './organisation-directory.js';
import { PrincipalResolver } from './principal-resolver.js';
import type { RolePermissionMap } from './role-permissions.js';

const permissions: RolePermissionMap = {
  workgroups: { 'scrt-data-input': ['case:create', 'case:read'] },
  roleCodes: {},
  clientScopes: { 'scrt:case-management': ['case:create'] },
};
const placements: Record<string, OrganisationPlacement> = { QWO: { odsCode: 'QWO', name: 'NHS West Yorkshire ICB', tier: 'icb', regionCode: 'Y63' } };
const directory = { place: async (odsCode: string) => placements[odsCode] ?? null } as unknown as OrganisationDirectory;
const resolver = new PrincipalResolver(permissions, directory);

const ALL_SCOPES = 'openid profile nhsperson associatedorgs nationalrbacaccess selectedrole';
const user = (overrides: ExternalClaims = {}): ExternalClaims => ({
  sub: '555000000001',
  nhsid_useruid: '555000000001',
  client_id: 'scrt-api-explorer',
  scope: ALL_SCOPES,
  authentication_assurance_level: '3',
  selected_roleid: 'r1',
  nhsid_nrbac_roles: [{ person_roleid: 'r1', org_code: 'QWO', workgroups: ['scrt-data-input'] }],
  ...overrides,
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: DomainError) => `${error.status} ${error.code}`,
  );

describe('principal resolution of an access token', () => {
  it('gives a user with every scope the permissions of the selected role at its organisation', async () => {
    await expect(resolver.resolveAccessToken(user())).resolves.toMatchObject({ kind: 'user', organisationCode: 'QWO', tier: 'icb', permissions: ['case:create', 'case:read'] });
  });

  it.each([
    ['openid alone', 'openid', 'nationalrbacaccess, selectedrole'],
    ['no selectedrole', 'openid nationalrbacaccess', 'selectedrole'],
    ['no nationalrbacaccess', 'openid selectedrole', 'nationalrbacaccess'],
    ['no scope at all', undefined, 'nationalrbacaccess, selectedrole'],
  ])('ignores role claims granted with %s: 403 ROLE_SCOPE_NOT_GRANTED', async (_label, scope, missing) => {
    const claims = user({ scope });
    await expect(refusal(resolver.resolveAccessToken(claims))).resolves.toBe('403 ROLE_SCOPE_NOT_GRANTED');
    await expect(resolver.resolveAccessToken(claims)).rejects.toThrow(`(${missing})`);
  });

  it.each([
    ['level 1', '1', '403 INSUFFICIENT_ASSURANCE'],
    ['no level', undefined, '403 INSUFFICIENT_ASSURANCE'],
    ['a level that is no number', 'high', '403 INSUFFICIENT_ASSURANCE'],
    ['an empty level', '', '403 INSUFFICIENT_ASSURANCE'],
    ['a fractional level', 2.5, '403 INSUFFICIENT_ASSURANCE'],
    ['a list', ['3'], '403 INSUFFICIENT_ASSURANCE'],
    ['level "2" (a string, as CIS2 sends it)', '2', 'accepted'],
    ['level 2 (a number)', 2, 'accepted'],
  ])('requires assurance level 2 or more: %s', async (_label, level, outcome) => {
    await expect(refusal(resolver.resolveAccessToken(user({ authentication_assurance_level: level as never })))).resolves.toBe(outcome);
  });

  it.each([
    ['no selected role', { selected_roleid: undefined }, '403 NO_MATCHING_ROLE'],
    ['a selected role that is not among the roles', { selected_roleid: 'r2' }, '403 NO_MATCHING_ROLE'],
    ['roles that are not a list', { nhsid_nrbac_roles: 'r1' as never }, '403 NO_MATCHING_ROLE'],
    ['a role without workgroups', { nhsid_nrbac_roles: [{ person_roleid: 'r1', org_code: 'QWO' }] }, '403 NO_PERMISSIONS'],
    ['a role at an unknown organisation', { nhsid_nrbac_roles: [{ person_roleid: 'r1', org_code: 'ZZZ', workgroups: ['scrt-data-input'] }] }, '403 UNKNOWN_ORGANISATION'],
  ])('refuses a user with %s', async (_label, overrides, outcome) => {
    await expect(refusal(resolver.resolveAccessToken(user(overrides)))).resolves.toBe(outcome);
  });

  it('gives a machine client the permissions of its scopes, at its organisation', async () => {
    const client = { sub: 'wy-case-system', client_id: 'wy-case-system', org_code: 'QWO' };
    await expect(resolver.resolveAccessToken({ ...client, scope: 'scrt:case-management' })).resolves.toMatchObject({ kind: 'client', organisationCode: 'QWO', permissions: ['case:create'] });
    await expect(refusal(resolver.resolveAccessToken({ ...client, scope: 'scrt:other' }))).resolves.toBe('403 NO_PERMISSIONS');
    await expect(refusal(resolver.resolveAccessToken(client))).resolves.toBe('403 NO_PERMISSIONS');
    await expect(refusal(resolver.resolveAccessToken({ ...client, scope: 'scrt:case-management', org_code: undefined }))).resolves.toBe('403 NO_PERMISSIONS');
  });
});

describe('principal resolution of a browser sign-in (ID token and userinfo)', () => {
  it('takes the role claims the provider released, with no scope claim to check', async () => {
    await expect(resolver.resolve(user({ scope: undefined }))).resolves.toMatchObject({ kind: 'user', organisationCode: 'QWO' });
  });
});
