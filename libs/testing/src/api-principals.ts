import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiClient, apiAsClient, apiAsUser, demoAccounts } from './api-client.js';
import { requiredEnv } from './test-env.js';

export type ScopeTier = 'icb' | 'region' | 'national';

/** Who calls, as the access checks need to know it: derived from configuration, not from the API. */
export interface KnownPrincipal {
  label: string;
  kind: 'user' | 'client' | 'anonymous';
  username?: string;
  clientId?: string;
  /** The organisation of the selected role (users) or of the client; none for no role / no token. */
  organisationCode?: string;
  regionCode?: string;
  tier?: ScopeTier;
  permissions: ReadonlySet<string>;
}

interface PrincipalSpec {
  label: string;
  username?: string;
  /** The role to select, for users with several. */
  roleOrganisation?: string;
  clientId?: string;
}

/** Every kind of caller: same ICB, other ICB in the region, other region, oversight, national, admin, none. */
const PRINCIPAL_SPECS: PrincipalSpec[] = [
  { label: 'ICB data input (QWO)', username: 'icb.input' },
  { label: 'ICB reporting (QWO)', username: 'icb.reporting' },
  { label: 'other ICB, same region (QOQ)', username: 'icb.input.qoq' },
  { label: 'other region ICB (QMJ)', username: 'icb.input.qmj' },
  { label: 'multi-role user acting for QMJ', username: 'icb.multi', roleOrganisation: 'QMJ' },
  { label: 'region oversight (Y63)', username: 'region.oversight' },
  { label: 'region oversight London (Y56)', username: 'region.london' },
  { label: 'national analyst (X24)', username: 'national.analyst' },
  { label: 'reference-data admin (X24)', username: 'refdata.admin' },
  { label: 'user without a role', username: 'no.role' },
  { label: 'machine client QWO', clientId: 'wy-case-system' },
  { label: 'machine client QMJ', clientId: 'qmj-case-system' },
  { label: 'no token' },
];

interface RolePermissions {
  workgroups: Record<string, string[]>;
  roleCodes: Record<string, string[]>;
  clientScopes: Record<string, string[]>;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

function rolePermissions(): RolePermissions {
  return JSON.parse(readFileSync(path.join(ROOT, 'config/role-permissions.json'), 'utf8')) as RolePermissions;
}

interface Placement {
  tier: ScopeTier;
  regionCode?: string;
}

/** Where each organisation of the seed sits. Names may hold commas: the last fields are read from the end. */
let placementsCache: Map<string, Placement> | undefined;

function organisationPlacements(): Map<string, Placement> {
  placementsCache ??= readPlacements();
  return placementsCache;
}

function readPlacements(): Map<string, Placement> {
  const [, ...lines] = readFileSync(path.join(ROOT, 'prisma/refdata/seed/organisations.csv'), 'utf8').trim().split(/\r?\n/);
  return new Map(
    lines.map((line) => {
      const fields = line.split(',');
      const [odsCode, type, parent] = [fields[0], fields.at(-3), fields.at(-2)];
      const placement: Placement = type === 'national' ? { tier: 'national' } : type === 'region' ? { tier: 'region', regionCode: odsCode } : { tier: 'icb', regionCode: parent };
      return [odsCode, placement];
    }),
  );
}

function describe(spec: PrincipalSpec, placements: Map<string, Placement>, permissionsMap: RolePermissions): KnownPrincipal {
  const accounts = demoAccounts();
  if (spec.clientId) {
    const client = accounts.clients.find((candidate) => candidate.client_id === spec.clientId);
    if (!client) throw new Error(`no demo client ${spec.clientId}`);
    const permissions = client.scopes.flatMap((scope) => permissionsMap.clientScopes[scope] ?? []);
    return { label: spec.label, kind: 'client', clientId: spec.clientId, organisationCode: client.org_code, ...placements.get(client.org_code), permissions: new Set(permissions) };
  }
  if (spec.username) {
    const user = accounts.users.find((candidate) => candidate.username === spec.username) as
      | { roles: { org_code: string; role_code?: string; workgroups?: string[] }[] }
      | undefined;
    if (!user) throw new Error(`no demo user ${spec.username}`);
    const role = user.roles.find((candidate) => !spec.roleOrganisation || candidate.org_code === spec.roleOrganisation);
    if (!role) return { label: spec.label, kind: 'user', username: spec.username, permissions: new Set() };
    const permissions = [...(role.workgroups ?? []).flatMap((group) => permissionsMap.workgroups[group] ?? []), ...(permissionsMap.roleCodes[role.role_code ?? ''] ?? [])];
    return { label: spec.label, kind: 'user', username: spec.username, organisationCode: role.org_code, ...placements.get(role.org_code), permissions: new Set(permissions) };
  }
  return { label: spec.label, kind: 'anonymous', permissions: new Set() };
}

/** The table of principals the access checks try every operation with. */
export function knownPrincipals(): KnownPrincipal[] {
  const placements = organisationPlacements();
  const permissionsMap = rolePermissions();
  return PRINCIPAL_SPECS.map((spec) => describe(spec, placements, permissionsMap));
}

/** An API client holding the principal's token from dev-identity (none for `no token`). */
export function clientFor(principal: KnownPrincipal): Promise<ApiClient> {
  if (principal.clientId) return apiAsClient(principal.clientId);
  if (principal.username) return apiAsUser(principal.username, principal.organisationCode);
  return Promise.resolve(new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL')));
}

/** Whether a record of `owner` is within what the principal may see. */
export function withinScope(principal: KnownPrincipal, owner: { organisationCode?: string; regionCode?: string }): boolean {
  switch (principal.tier) {
    case 'national':
      return true;
    case 'region':
      return (owner.regionCode ?? (owner.organisationCode && organisationRegion(owner.organisationCode))) === principal.regionCode;
    case 'icb':
      return owner.organisationCode === principal.organisationCode && (owner.regionCode === undefined || owner.regionCode === principal.regionCode);
    default:
      return false;
  }
}

export function organisationRegion(organisationCode: string): string | undefined {
  return organisationPlacements().get(organisationCode)?.regionCode;
}
