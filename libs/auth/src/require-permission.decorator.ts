import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtension, ApiExtraModels, ApiForbiddenResponse, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@scrt/contracts';
import { ApiCommonProblemResponses, ProblemDto, problemContent } from '@scrt/http';

export const REQUIRED_PERMISSION = 'scrt:required-permission';

/** The name of the one security scheme every protected operation lists (see scripts/openapi/security.ts). */
export const BEARER_SCHEME = 'bearer';

/**
 * The one way to protect an endpoint: the guard enforces the permission and the OpenAPI
 * document states it (`x-scrt-permission`, 401/403 responses and the problems any call can meet).
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension('x-scrt-permission', permission),
    ApiExtraModels(ProblemDto),
    ApiBadRequestResponse({ description: 'Invalid input: field details in `errors`.', ...problemContent }),
    ApiUnauthorizedResponse({ description: 'No valid access token.', ...problemContent }),
    ApiForbiddenResponse({ description: `Requires permission \`${permission}\` and the record in your scope.`, ...problemContent }),
    ApiTooManyRequestsResponse({ description: 'Rate limit reached: retry after `Retry-After` seconds.', ...problemContent }),
    ApiCommonProblemResponses(),
  );
