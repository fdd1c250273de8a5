import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';

export const PRINCIPAL_REQUEST_KEY = 'scrtPrincipal';

export type RequestWithPrincipal = { [PRINCIPAL_REQUEST_KEY]?: Principal };

/** The caller the internal token states; only on routes the guard has let through. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL_REQUEST_KEY];
  if (!principal) throw new Error('CurrentPrincipal used on a route without InternalAuthGuard');
  return principal;
});
