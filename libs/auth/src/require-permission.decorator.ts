import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@scrt/contracts';

export const REQUIRED_PERMISSION = 'scrt:required-permission';

/**
 * The one way to protect an endpoint: the guard enforces the permission and the OpenAPI
 * document states it (`x-scrt-permission`, 401/403 responses).
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiExtension('x-scrt-permission', permission),
    ApiUnauthorizedResponse({ description: 'No valid access token.' }),
    ApiForbiddenResponse({ description: `Requires permission \`${permission}\` and the record in your scope.` }),
  );
