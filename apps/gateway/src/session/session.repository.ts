import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '@scrt/persistence';
import type { Principal } from '@scrt/contracts';
import { Prisma, type BrowserSession } from '#prisma/gateway';
import type { GatewayDatabase } from '../database.js';
import type { RoleClaims } from '../principal/cis2-claims.js';

/** A one-time message for the next page: what happened, never what was typed. */
export interface Flash {
  heading: string;
  text?: string;
}

/** What a session row holds besides its timestamps. */
export interface StoredSession {
  principal: Principal;
  accessToken: string;
  accessTokenExpiresAt: Date;
  idToken: string;
  csrfToken: string;
  roleClaims?: RoleClaims;
}

export interface SessionExpiry {
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

function toStored(row: BrowserSession): StoredSession {
  const { principal, accessToken, accessTokenExpiresAt, idToken, csrfToken, roleClaims } = row;
  return { principal: principal as unknown as Principal, accessToken, accessTokenExpiresAt, idToken, csrfToken, roleClaims: (roleClaims as RoleClaims | null) ?? undefined };
}

const active = (now: Date) => ({ endedAt: null, idleExpiresAt: { gt: now }, absoluteExpiresAt: { gt: now } });

/** `gateway.browser_session`: rows keyed by the SHA-256 of the cookie's opaque id. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(DATABASE) private readonly db: GatewayDatabase) {}

  async create(idHash: string, session: StoredSession, expiry: SessionExpiry): Promise<void> {
    const { roleClaims, ...columns } = session;
    await this.db.browserSession.create({ data: { idHash, ...columns, principal: { ...session.principal }, roleClaims: roleClaims ? (JSON.parse(JSON.stringify(roleClaims)) as Prisma.InputJsonObject) : Prisma.DbNull, ...expiry } });
  }

  /**
   * The session if it is still active, its idle expiry pushed to `idleExpiresAt` (never past
   * the absolute expiry) and its flash message taken; undefined when it has ended, expired or
   * never existed.
   */
  async touch(idHash: string, now: Date, idleExpiresAt: Date): Promise<(StoredSession & SessionExpiry & { flash?: Flash }) | undefined> {
    const row = await this.db.browserSession.findFirst({ where: { idHash, ...active(now) } });
    if (!row) return undefined;
    const extended = new Date(Math.min(idleExpiresAt.getTime(), row.absoluteExpiresAt.getTime()));
    const taken = row.flash === null ? {} : { flash: Prisma.DbNull };
    const { count } = await this.db.browserSession.updateMany({ where: { idHash, ...active(now) }, data: { lastSeenAt: now, idleExpiresAt: extended, ...taken } });
    if (count === 0) return undefined;
    return { ...toStored(row), idleExpiresAt: extended, absoluteExpiresAt: row.absoluteExpiresAt, flash: (row.flash as Flash | null) ?? undefined };
  }

  async setFlash(idHash: string, now: Date, flash: Flash): Promise<void> {
    await this.db.browserSession.updateMany({ where: { idHash, ...active(now) }, data: { flash: { ...flash } } });
  }

  /** Marks the session ended; returns it when it was active until now. */
  async end(idHash: string, now: Date): Promise<StoredSession | undefined> {
    const row = await this.db.browserSession.findFirst({ where: { idHash, ...active(now) } });
    if (!row) return undefined;
    const { count } = await this.db.browserSession.updateMany({ where: { idHash, endedAt: null }, data: { endedAt: now } });
    return count === 0 ? undefined : toStored(row);
  }

  /** Deletes rows that can never be used again; returns how many. */
  async purge(now: Date): Promise<number> {
    const { count } = await this.db.browserSession.deleteMany({
      where: { OR: [{ endedAt: { not: null } }, { idleExpiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
    });
    return count;
  }
}
