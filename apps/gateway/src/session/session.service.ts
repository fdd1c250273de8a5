import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@scrt/contracts';
import { SealedCookie } from './sealed-cookie.js';
import { SESSION_SETTINGS, type SessionSettings } from './session-settings.js';

/** A working day; the user signs in again after it (the access token inside expires sooner). */
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;

/** A signed-in browser user. */
export interface Session {
  principal: Principal;
  /** The provider's access token, for calls to `/api/v1` on the user's behalf. */
  accessToken: string;
  /** Epoch seconds after which `accessToken` no longer works. */
  accessTokenExpiresAt: number;
  /** Sent back to the provider as `id_token_hint` when signing out. */
  idToken: string;
}

/** Reads and writes the browser session, which lives entirely in an encrypted cookie. */
@Injectable()
export class SessionService {
  private readonly cookie: SealedCookie<Session>;

  constructor(@Inject(SESSION_SETTINGS) settings: SessionSettings) {
    this.cookie = new SealedCookie('__Host-scrt-session', SESSION_LIFETIME_SECONDS, settings.SESSION_SECRET);
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
