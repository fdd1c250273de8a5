import { Injectable } from '@nestjs/common';

/**
 * The role each grant was signed in with. oidc-provider's models have no room for it, and every
 * user token names its grant, so claims are built from the grant's entry. Kept in memory, like the
 * provider's own sessions and grants: a restart signs everyone out.
 */
@Injectable()
export class RoleSelections {
  private readonly roleByGrant = new Map<string, string | undefined>();

  remember(grantId: string, roleId: string | undefined): void {
    this.roleByGrant.set(grantId, roleId);
  }

  roleFor(grantId: string | undefined): string | undefined {
    return grantId === undefined ? undefined : this.roleByGrant.get(grantId);
  }
}
