import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { UnauthenticatedError } from '@scrt/http';
import { BEARER_STRATEGY } from './bearer.strategy.js';

/** Passes the strategy's typed errors through (401 vs 403) instead of a generic 401. */
@Injectable()
export class BearerAuthGuard extends AuthGuard(BEARER_STRATEGY) {
  override handleRequest<P>(error: unknown, principal: P): P {
    if (error) throw error;
    if (!principal) throw new UnauthenticatedError();
    return principal;
  }
}
