import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@scrt/persistence';
import type { Principal } from '@scrt/contracts';
import type { GatewayDatabase } from '../database.js';

/** What a session row holds besides its timestamps. */
export interface StoredSession {
  principal: Principal;
  accessToken: string;
  accessTokenExpiresAt: Date;
  idToken: string;
  csrfToken: string;
}

export interface SessionExpiry {
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

const active = (now: Date) => ({ endedAt: null, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } });

/** `gateway.browser_session`: rows keyed by the SHA-256 of the cookie's opaque id. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(DATABASE) private readonly db: GatewayDatabase) {}

  async create(idHash: string, session: StoredSession, expiry: SessionExpiry): Promise<void> {
    await this.db.browserSession.create({ data: { idHash, ...session, principal: { ...session.principal }, ...expiry } });
  }

  /**
   * The session if it is still active, its idle expiry pushed to `idleExpiresAt` (never past
   * the absolute expiry); undefined when it has ended, expired or never existed.
   */
  async touch(idHash: string, now: Date, idleExpiresAt: Date): Promise<(StoredSession & SessionExpiry) | undefined> {
    const row = await this.db.browserSession.findFirst({ where: { idHash, ...active(now) } });
    if (!row) return undefined;
    const extended = new Date(Math.min(idleExpiresAt.getTime(), row.absoluteExpiresAt.getTime()));
    const { count } = await this.db.browserSession.updateMany({ where: { idHash, ...active(now) }, data: { lastSeenAt: now, idleExpiresAt: extended } });
    if (count === 0) return undefined;
    return { ...row, principal: row.principal as unknown as Principal, idleExpiresAt: extended };
  }

  /** Marks the session ended; returns it when it was active until now. */
  async end(idHash: string, now: Date): Promise<StoredSession | undefined> {
    const row = await this.db.browserSession.findFirst({ where: { idHash, ...active(now) } });
    if (!row) return undefined;
    const { count } = await this.db.browserSession.updateMany({ where: { idHash, endedAt: null }, data: { endedAt: now } });
    return count === 0 ? undefined : { ...row, principal: row.principal as unknown as Principal };
  }

  /** Deletes rows that can never be used again; returns how many. */
  async purge(now: Date): Promise<number> {
    const { count } = await this.db.browserSession.deleteMany({
      where: { OR: [{ endedAt: { not: null } }, { idleExpiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
    });
    return count;
  }
}
