import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@scrt/contracts';
import { ForbiddenError, IS_PUBLIC_ROUTE, UnauthenticatedError } from '@scrt/http';
import { PRINCIPAL_REQUEST_KEY, type RequestWithPrincipal } from './current-principal.decorator.js';
import { InternalTokenVerifier } from './internal-token.js';
import { REQUIRED_PERMISSION } from './require-permission.decorator.js';

/**
 * Every service route is closed unless marked public: the caller must present the gateway's
 * internal token, and the route's permission must be among the principal's. Object-level scope
 * is checked by the service itself against the record.
 */
@Injectable()
export class InternalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(InternalTokenVerifier) private readonly verifier: InternalTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthenticatedError();
    const principal = await this.verifier.verify(token).catch(() => {
      throw new UnauthenticatedError('The internal token is missing, invalid or expired.');
    });
    request[PRINCIPAL_REQUEST_KEY] = principal;

    const required = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!required) throw new ForbiddenError('This route declares no permission.');
    if (!principal.permissions.includes(required)) throw new ForbiddenError(`Requires permission ${required}.`);
    return true;
  }
}
