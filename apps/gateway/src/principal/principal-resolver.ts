import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { isMachineClient, type ExternalClaims } from './cis2-claims.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { InsufficientAssuranceError, NoMatchingRoleError, NoPermissionsError, UnknownOrganisationError } from './principal.errors.js';
import { permissionsForRole, permissionsForScopes, type RolePermissionMap } from './role-permissions.js';

export const ROLE_PERMISSIONS = Symbol('ROLE_PERMISSIONS');
const MINIMUM_ASSURANCE_LEVEL = 2;

/**
 * Turns validated CIS2-shaped claims into the tracker's principal: the selected role's
 * organisation, its place in the hierarchy (scope tier) and the mapped permissions.
 */
@Injectable()
export class PrincipalResolver {
  constructor(
    @Inject(ROLE_PERMISSIONS) private readonly rolePermissions: RolePermissionMap,
    private readonly directory: OrganisationDirectory,
  ) {}

  async resolve(claims: ExternalClaims): Promise<Principal> {
    return isMachineClient(claims) ? this.resolveClient(claims) : this.resolveUser(claims);
  }

  private async resolveUser(claims: ExternalClaims): Promise<Principal> {
    const role = (claims.nhsid_nrbac_roles ?? []).find((candidate) => candidate.person_roleid === claims.selected_roleid);
    if (!role || !claims.selected_roleid) throw new NoMatchingRoleError();
    if (Number(claims.authentication_assurance_level ?? 0) < MINIMUM_ASSURANCE_LEVEL) throw new InsufficientAssuranceError();
    const permissions = permissionsForRole(this.rolePermissions, role);
    if (permissions.length === 0) throw new NoPermissionsError();
    const organisation = await this.placeOrRefuse(role.org_code);
    return {
      subject: String(claims.nhsid_useruid ?? claims.sub),
      kind: 'user',
      name: claims.name,
      organisationCode: organisation.odsCode,
      organisationName: organisation.name,
      regionCode: organisation.regionCode,
      tier: organisation.tier,
      roleId: role.person_roleid,
      roleName: role.role_name,
      permissions,
    };
  }

  private async resolveClient(claims: ExternalClaims): Promise<Principal> {
    const permissions = permissionsForScopes(this.rolePermissions, (claims.scope ?? '').split(' ').filter(Boolean));
    if (permissions.length === 0 || !claims.org_code) throw new NoPermissionsError();
    const organisation = await this.placeOrRefuse(claims.org_code);
    return {
      subject: String(claims.client_id),
      kind: 'client',
      organisationCode: organisation.odsCode,
      organisationName: organisation.name,
      regionCode: organisation.regionCode,
      tier: organisation.tier,
      permissions,
    };
  }

  private async placeOrRefuse(odsCode: string) {
    const organisation = await this.directory.place(odsCode);
    if (!organisation) throw new UnknownOrganisationError(odsCode);
    return organisation;
  }
}
