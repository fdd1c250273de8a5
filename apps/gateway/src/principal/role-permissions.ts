import { readFileSync } from 'node:fs';
import { AllPermissions, type Permission } from '@scrt/contracts';

/** The configured mapping from what a token says to tracker permissions. */
export interface RolePermissionMap {
  workgroups: Record<string, Permission[]>;
  roleCodes: Record<string, Permission[]>;
  clientScopes: Record<string, Permission[]>;
}

function assertPermissions(section: string, mapping: unknown): Record<string, Permission[]> {
  if (typeof mapping !== 'object' || mapping === null) throw new Error(`role permissions: "${section}" must be an object`);
  for (const [name, permissions] of Object.entries(mapping)) {
    const unknown = Array.isArray(permissions) ? permissions.filter((p) => !AllPermissions.includes(p)) : ['(not a list)'];
    if (unknown.length) throw new Error(`role permissions: ${section}.${name} has unknown permissions ${unknown.join(', ')}`);
  }
  return mapping as Record<string, Permission[]>;
}

/** Reads and checks the mapping at boot: a typo in a permission stops the gateway. */
export function loadRolePermissions(file: string): RolePermissionMap {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return {
    workgroups: assertPermissions('workgroups', raw.workgroups ?? {}),
    roleCodes: assertPermissions('roleCodes', raw.roleCodes ?? {}),
    clientScopes: assertPermissions('clientScopes', raw.clientScopes ?? {}),
  };
}

const union = (lists: Permission[][]): Permission[] => [...new Set(lists.flat())].sort();

export function permissionsForRole(map: RolePermissionMap, role: { workgroups?: string[]; role_code?: string }): Permission[] {
  const fromWorkgroups = (role.workgroups ?? []).map((workgroup) => map.workgroups[workgroup] ?? []);
  const fromRoleCodes = (role.role_code ?? '').split(':').map((code) => map.roleCodes[code] ?? []);
  return union([...fromWorkgroups, ...fromRoleCodes]);
}

export function permissionsForScopes(map: RolePermissionMap, scopes: string[]): Permission[] {
  return union(scopes.map((scope) => map.clientScopes[scope] ?? []));
}
