import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '@scrt/contracts';
import { ForbiddenError, IS_PUBLIC_ROUTE, UnauthenticatedError } from '@scrt/http';
import { REQUEST_ID_HEADER, adoptUpstreamRequest } from '@scrt/observability';
import { PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal } from './current-principal.decorator.js';
import { InternalTokenVerifier } from './internal-token.js';
import { RefusalAudit } from './refusal-audit.js';
import { REQUIRED_PERMISSION } from './require-permission.decorator.js';

/**
 * Every service route is closed unless marked public: the caller must present the gateway's
 * internal token, and the route's permission must be among the principal's. Object-level scope
 * is checked by the service itself against the record. Refusals of audited routes are recorded.
 */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(InternalTokenVerifier) private readonly verifier: InternalTokenVerifier,
    private readonly refusals: RefusalAudit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_ROUTE, targets)) return true;
    try {
      await this.authorise(context, this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets));
      return true;
    } catch (error) {
      await this.refusals.recordIfRefused(context, error);
      throw error;
    }
  }

  private async authorise(context: ExecutionContext, required: Permission | undefined): Promise<void> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & RequestWithPrincipal>();
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError();
    const { principal, requestId, clientCorrelationId } = await this.verifier.verify(token).catch(() => {
      throw new UnauthenticatedError('The internal token is missing, invalid or expired.');
    });
    request[PRINCIPAL_REQUEST_KEY] = principal;
    if (requestId && adoptUpstreamRequest({ requestId, clientCorrelationId })) void http.getResponse<FastifyReply>().header(REQUEST_ID_HEADER, requestId);

    if (!required) throw new ForbiddenError('This route declares no permission.');
    if (!principal.permissions.includes(required)) throw new ForbiddenError(`Requires permission ${required}.`);
  }
}
