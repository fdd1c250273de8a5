import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@scrt/contracts';
import { GatewayEnv } from '../config/gateway.config.js';
import { SealedCookie } from './sealed-cookie.js';

export const SESSION_COOKIE_NAME = '__Host-scrt-session';

/** A working day; the user signs in again after it (the access token inside expires sooner). */
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;

/** A signed-in browser user. */
export interface Session {
  principal: Principal;
  /** The provider's access token, for calls to `/api/v1` on the user's behalf. */
  accessToken: string;
  /** Epoch seconds after which `accessToken` no longer works. */
  accessTokenExpiresAt: number;
}

/** Reads and writes the browser session, which lives entirely in an encrypted cookie. */
@Injectable()
export class SessionService {
  private readonly cookie: SealedCookie<Session>;

  constructor(@Inject(GatewayEnv) config: GatewayEnv) {
    this.cookie = new SealedCookie(SESSION_COOKIE_NAME, SESSION_LIFETIME_SECONDS, config.SESSION_SECRET);
  }

  /** The request's session, or undefined when it has none, or an expired or forged one. */
  read(request: FastifyRequest): Promise<Session | undefined> {
    return this.cookie.read(request);
  }

  start(reply: FastifyReply, session: Session): Promise<void> {
    return this.cookie.write(reply, session);
  }

  end(reply: FastifyReply): void {
    this.cookie.clear(reply);
  }
}
