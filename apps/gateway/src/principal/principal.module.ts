import { Module } from '@nestjs/common';
import { GatewayEnv } from '../config/gateway.config.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { PrincipalResolver, ROLE_PERMISSIONS } from './principal-resolver.js';
import { loadRolePermissions } from './role-permissions.js';

@Module({
  providers: [
    { provide: ROLE_PERMISSIONS, useFactory: (config: GatewayEnv) => loadRolePermissions(config.ROLE_PERMISSIONS_FILE), inject: [GatewayEnv] },
    OrganisationDirectory,
    PrincipalResolver,
  ],
  exports: [PrincipalResolver],
})
export class PrincipalModule {}
