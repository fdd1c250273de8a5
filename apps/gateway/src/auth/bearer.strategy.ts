import { Injectable, Logger } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { Principal } from '@scrt/contracts';
import { DomainError, UnauthenticatedError } from '@scrt/http';
import { PrincipalResolver } from '../principal/principal-resolver.js';
import { AccessTokenVerifier } from './access-token.verifier.js';
import { bearerToken } from './bearer-token.js';

export const BEARER_STRATEGY = 'oidc-bearer';

/** API callers: a bearer access token from the OpenID provider, resolved to a principal. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  private readonly logger = new Logger(BearerStrategy.name);

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly resolver: PrincipalResolver,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Principal> {
    const token = bearerToken(request);
    if (!token) throw new UnauthenticatedError('Send an access token as "Authorization: Bearer <token>".');
    const claims = await this.verifier.verify(token).catch((error: Error) => {
      this.logger.warn({ message: 'access token refused', reason: error.message });
      throw new UnauthenticatedError('The access token is invalid, expired or not for this service.');
    });
    return this.resolver.resolveAccessToken(claims).catch((error: unknown) => {
      if (error instanceof DomainError) throw error;
      this.logger.error({ message: 'principal resolution failed', error: String(error) });
      throw error;
    });
  }
}
