import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { GatewayEnv } from '../config/gateway.config.js';
import type { RoleClaims } from '../principal/cis2-claims.js';
import { SessionRepository, type Flash, type SessionExpiry, type StoredSession } from './session.repository.js';

export type { Flash } from './session.repository.js';

/** Injection token of the clock sessions expire by (tests move it). */
export const SESSION_CLOCK = Symbol('SESSION_CLOCK');
export type Clock = () => Date;

/** A signed-in browser user. */
export interface Session {
  principal: Principal;
  /** The provider's access token, for calls to `/api/v1` on the user's behalf. */
  accessToken: string;
  /** Epoch seconds after which `accessToken` no longer works. */
  accessTokenExpiresAt: number;
  /** The provider's ID token, sent back as `id_token_hint` when signing out there. */
  idToken: string;
  /** Must come back with every state-changing form of this session. */
  csrfToken: string;
  /** The provider's claims about every role the user holds (to switch the selected one). */
  roleClaims?: RoleClaims;
}

/** A session as a request resumes it: when it ends if left alone, and the message left for this page. */
export interface ResumedSession extends Session {
  /** Epoch seconds: the idle timeout, or the absolute lifetime when that comes first. */
  expiresAt: number;
  flash?: Flash;
}

export type NewSession = Omit<Session, 'csrfToken'>;

/** 256 random bits, base64url: what the cookie carries. */
const OPAQUE_ID = /^[A-Za-z0-9_-]{43}$/;

const randomToken = () => randomBytes(32).toString('base64url');
/** Only the hash is stored: a leaked table does not yield cookies that work. */
const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');
const plusSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

function toSession(stored: StoredSession): Session {
  const { principal, accessToken, accessTokenExpiresAt, idToken, csrfToken, roleClaims } = stored;
  return { principal, accessToken, accessTokenExpiresAt: epochSeconds(accessTokenExpiresAt), idToken, csrfToken, ...(roleClaims && { roleClaims }) };
}

function toResumed(stored: StoredSession & SessionExpiry & { flash?: Flash }): ResumedSession {
  const expiresAt = epochSeconds(stored.idleExpiresAt < stored.absoluteExpiresAt ? stored.idleExpiresAt : stored.absoluteExpiresAt);
  return { ...toSession(stored), expiresAt, ...(stored.flash && { flash: stored.flash }) };
}

/** Server-side sessions: idle timeout and absolute lifetime enforced here, not by the cookie. */
@Injectable()
export class SessionStore {
  private readonly now: Clock;

  constructor(
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
    @Inject(SessionRepository) private readonly repository: SessionRepository,
    @Optional() @Inject(SESSION_CLOCK) clock?: Clock,
  ) {
    this.now = clock ?? (() => new Date());
  }

  /** Stores a new session; returns the opaque id for the cookie. */
  async start(session: NewSession): Promise<string> {
    const id = randomToken();
    const now = this.now();
    await this.repository.create(
      hashOf(id),
      { ...session, accessTokenExpiresAt: new Date(session.accessTokenExpiresAt * 1000), csrfToken: randomToken() },
      { idleExpiresAt: plusSeconds(now, this.config.SESSION_IDLE_TIMEOUT_SECONDS), absoluteExpiresAt: plusSeconds(now, this.config.SESSION_ABSOLUTE_LIFETIME_SECONDS) },
    );
    return id;
  }

  /** The active session the id names, its idle timeout restarted and its flash message taken; undefined otherwise. */
  async resume(id: string | undefined): Promise<ResumedSession | undefined> {
    if (!id || !OPAQUE_ID.test(id)) return undefined;
    const now = this.now();
    const stored = await this.repository.touch(hashOf(id), now, plusSeconds(now, this.config.SESSION_IDLE_TIMEOUT_SECONDS));
    return stored && toResumed(stored);
  }

  /** Leaves a message for the session's next page. */
  async flash(id: string | undefined, flash: Flash): Promise<void> {
    if (!id || !OPAQUE_ID.test(id)) return;
    await this.repository.setFlash(hashOf(id), this.now(), flash);
  }

  /** Ends the session for good; returns it when it was still active. */
  async end(id: string | undefined): Promise<Session | undefined> {
    if (!id || !OPAQUE_ID.test(id)) return undefined;
    const stored = await this.repository.end(hashOf(id), this.now());
    return stored && toSession(stored);
  }

  /** Deletes ended and expired sessions; returns how many. */
  purge(): Promise<number> {
    return this.repository.purge(this.now());
  }
}
