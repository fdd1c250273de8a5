import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { assuranceLevel, isMachineClient, missingRoleScopes, type ExternalClaims } from './cis2-claims.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { InsufficientAssuranceError, NoMatchingRoleError, NoPermissionsError, RoleScopeNotGrantedError, UnknownOrganisationError } from './principal.errors.js';
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

  /** Claims of a user's ID token and userinfo, which the provider releases per scope (browser sign-in). */
  async resolve(claims: ExternalClaims): Promise<Principal> {
    return isMachineClient(claims) ? this.resolveClient(claims) : this.resolveUser(claims);
  }

  /**
   * Claims of a bearer access token. A user's role claims count only if the token was granted the
   * CIS2 scopes that carry them: a provider that puts them in every token (whatever the scope)
   * gets no access for a token asked for with `openid` alone.
   */
  async resolveAccessToken(claims: ExternalClaims): Promise<Principal> {
    if (isMachineClient(claims)) return this.resolveClient(claims);
    const missing = missingRoleScopes(claims);
    if (missing.length > 0) throw new RoleScopeNotGrantedError(missing);
    return this.resolveUser(claims);
  }

  private async resolveUser(claims: ExternalClaims): Promise<Principal> {
    if (assuranceLevel(claims) < MINIMUM_ASSURANCE_LEVEL) throw new InsufficientAssuranceError();
    const roles = Array.isArray(claims.nhsid_nrbac_roles) ? claims.nhsid_nrbac_roles : [];
    const role = roles.find((candidate) => typeof candidate === 'object' && candidate?.person_roleid === claims.selected_roleid);
    if (!role || !claims.selected_roleid) throw new NoMatchingRoleError();
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
