import { createParamDecorator, Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@scrt/contracts';
import { GatewayEnv } from '../../config/gateway.config.js';
import { checkSameOrigin, CSRF_FIELD, csrfTokenMatches } from '../../session/csrf.js';
import { CrossSiteRequestError } from '../../session/session.errors.js';
import { SessionService, type ResumedSession } from '../../session/session.service.js';
import { PagePermissionError, SessionExpiredError, SignInRequiredError } from './page.errors.js';

const PAGE_PERMISSION = 'scrt:page-permission';
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const sessionsOfRequests = new WeakMap<FastifyRequest, ResumedSession>();

/** The permission a page (controller or handler) needs besides a signed-in session. */
export const PagePermission = (permission: Permission) => SetMetadata(PAGE_PERMISSION, permission);

/** The session PageAccessGuard let through. */
export const PageSession = createParamDecorator((_data: unknown, context: ExecutionContext): ResumedSession => {
  const session = sessionsOfRequests.get(context.switchToHttp().getRequest<FastifyRequest>());
  if (!session) throw new Error('@PageSession() needs PageAccessGuard on the route');
  return session;
});

/**
 * Every signed-in page: a session (else the sign-in or session-ended page), the page's
 * permission (else 403), and on every state-changing request the session's CSRF token in
 * `_csrf` (synchroniser token) from a same-origin form (else 403). Runs after the body is parsed.
 */
@Injectable()
export class PageAccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const session = await this.sessions.read(request);
    if (!session) throw this.sessions.hadSession(request) ? new SessionExpiredError() : new SignInRequiredError();
    if (!SAFE_METHODS.has(request.method)) {
      checkSameOrigin(request.headers, this.config.GATEWAY_PUBLIC_URL);
      if (!csrfTokenMatches(session.csrfToken, (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD])) {
        throw new CrossSiteRequestError('The form does not belong to this session.');
      }
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PAGE_PERMISSION, [context.getHandler(), context.getClass()]);
    if (permission && !session.principal.permissions.includes(permission)) throw new PagePermissionError(permission);
    sessionsOfRequests.set(request, session);
    return true;
  }
}
