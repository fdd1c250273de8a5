import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtension, ApiExtraModels, ApiForbiddenResponse, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@scrt/contracts';
import { ProblemDto, problemContent } from '@scrt/http';

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
    ApiExtraModels(ProblemDto),
    ApiBadRequestResponse({ description: 'Invalid input: field details in `errors`.', ...problemContent }),
    ApiUnauthorizedResponse({ description: 'No valid access token.', ...problemContent }),
    ApiForbiddenResponse({ description: `Requires permission \`${permission}\` and the record in your scope.`, ...problemContent }),
    ApiTooManyRequestsResponse({ description: 'Rate limit reached: retry after `Retry-After` seconds.', ...problemContent }),
  );
