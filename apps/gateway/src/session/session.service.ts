import { Inject, Injectable } from '@nestjs/common';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayEnv } from '../config/gateway.config.js';
import { SessionStore, type Flash, type NewSession, type ResumedSession, type Session } from './session-store.js';

export type { Flash, ResumedSession, Session } from './session-store.js';

export const SESSION_COOKIE_NAME = '__Host-scrt-session';

/**
 * HttpOnly, host-only on Path=/ (the `__Host-` prefix makes browsers enforce that, and requires
 * Secure: browsers accept it over HTTPS and on http://localhost only). Lax still sends the
 * cookie on the identity provider's top-level redirect back to the callback.
 */
const ATTRIBUTES: CookieSerializeOptions = { httpOnly: true, secure: true, sameSite: 'lax', path: '/' };

/** The browser session: an opaque id in a cookie, everything else in `gateway.browser_session`. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
    @Inject(SessionStore) private readonly store: SessionStore,
  ) {}

  /** Resumed once per request: resuming restarts the idle timeout and takes the flash message. */
  private readonly resumed = new WeakMap<FastifyRequest, Promise<ResumedSession | undefined>>();

  /** The request's active session, or undefined when it has none or it ended or expired. */
  read(request: FastifyRequest): Promise<ResumedSession | undefined> {
    let session = this.resumed.get(request);
    if (!session) {
      session = this.store.resume(request.cookies[SESSION_COOKIE_NAME]);
      this.resumed.set(request, session);
    }
    return session;
  }

  /** Whether the browser sent a session cookie at all (an ended session then means it expired or was signed out). */
  hadSession(request: FastifyRequest): boolean {
    return Boolean(request.cookies[SESSION_COOKIE_NAME]);
  }

  /** A message for the next page this browser shows (after the redirect). */
  flash(request: FastifyRequest, flash: Flash): Promise<void> {
    return this.store.flash(request.cookies[SESSION_COOKIE_NAME], flash);
  }

  /** Starts a new session, ending the one the browser had: its cookie must not outlive the new sign-in. */
  async start(request: FastifyRequest, reply: FastifyReply, session: NewSession): Promise<void> {
    await this.store.end(request.cookies[SESSION_COOKIE_NAME]);
    const id = await this.store.start(session);
    // The request now belongs to the new session.
    request.cookies[SESSION_COOKIE_NAME] = id;
    this.resumed.delete(request);
    void reply.setCookie(SESSION_COOKIE_NAME, id, { ...ATTRIBUTES, maxAge: this.config.SESSION_ABSOLUTE_LIFETIME_SECONDS });
  }

  /** Ends the session server-side (its cookie stops working) and clears the cookie; returns it when it was active. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<Session | undefined> {
    this.resumed.delete(request);
    void reply.clearCookie(SESSION_COOKIE_NAME, ATTRIBUTES);
    return this.store.end(request.cookies[SESSION_COOKIE_NAME]);
  }
}
