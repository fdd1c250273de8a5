import { createHash } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Principal } from '@scrt/contracts';
import { eventually, requiredEnv } from '@scrt/testing';
import type { GatewayEnv } from '../config/gateway.config.js';
import { createGatewayDatabase } from '../database.js';
import { SessionPurge } from './session-purge.js';
import { SessionStore, type NewSession } from './session-store.js';
import { SessionRepository } from './session.repository.js';

const IDLE_SECONDS = 600;
const ABSOLUTE_SECONDS = 3600;
const config = { SESSION_IDLE_TIMEOUT_SECONDS: IDLE_SECONDS, SESSION_ABSOLUTE_LIFETIME_SECONDS: ABSOLUTE_SECONDS, SESSION_PURGE_INTERVAL_SECONDS: 1 } as GatewayEnv;

const principal: Principal = { subject: '555000000003', kind: 'user', organisationCode: 'QMJ', tier: 'icb', permissions: ['case:read'] };
const newSession = (): NewSession => ({ principal, accessToken: 'access-token', accessTokenExpiresAt: 2_000_000_000, idToken: 'id-token' });

describe('SessionStore (gateway.browser_session)', () => {
  const db = createGatewayDatabase(requiredEnv('SCRT_TEST_DATABASE_URL'));
  // A clock of its own, so that expiry does not depend on how fast the test runs.
  let now: Date;
  const store = new SessionStore(config, new SessionRepository(db), () => now);
  const advance = (seconds: number) => void (now = new Date(now.getTime() + seconds * 1000));

  beforeEach(() => {
    now = new Date('2090-01-01T08:00:00Z');
  });
  afterAll(() => db.$disconnect());

  it('gives the browser an opaque id and keeps only its hash, with the principal and tokens', async () => {
    const id = await store.start(newSession());
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.browserSession.findUnique({ where: { idHash: createHash('sha256').update(id).digest('hex') } });
    expect(row).toMatchObject({ principal, accessToken: 'access-token', idToken: 'id-token', endedAt: null });
    expect(await db.browserSession.count({ where: { idHash: id } })).toBe(0);
    expect(await store.resume(id)).toEqual({ ...newSession(), csrfToken: row!.csrfToken, expiresAt: now.getTime() / 1000 + IDLE_SECONDS });
    expect(row!.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('ends a session left idle for longer than the idle timeout', async () => {
    const id = await store.start(newSession());
    advance(IDLE_SECONDS - 1);
    expect(await store.resume(id)).toBeDefined();
    advance(IDLE_SECONDS - 1);
    expect(await store.resume(id)).toBeDefined();
    advance(IDLE_SECONDS);
    expect(await store.resume(id)).toBeUndefined();
  });

  it('ends an active session at its absolute lifetime', async () => {
    const id = await store.start(newSession());
    for (let elapsed = 0; elapsed + 500 < ABSOLUTE_SECONDS; elapsed += 500) {
      advance(500);
      expect(await store.resume(id)).toBeDefined();
    }
    advance(500);
    expect(await store.resume(id)).toBeUndefined();
  });

  it('no longer resumes an ended session, and ends it only once', async () => {
    const id = await store.start(newSession());
    expect(await store.end(id)).toMatchObject({ idToken: 'id-token' });
    expect(await store.resume(id)).toBeUndefined();
    expect(await store.end(id)).toBeUndefined();
  });

  it('says when it ends: the idle timeout, or the absolute lifetime once that comes first', async () => {
    const id = await store.start(newSession());
    const startedAt = now.getTime() / 1000;
    advance(100);
    expect((await store.resume(id))?.expiresAt).toBe(startedAt + 100 + IDLE_SECONDS);
    // Kept busy (a resume every half idle timeout) until less than an idle timeout of its lifetime is left.
    for (let elapsed = 100; elapsed < ABSOLUTE_SECONDS - IDLE_SECONDS / 2; elapsed += IDLE_SECONDS / 2) {
      advance(IDLE_SECONDS / 2);
      expect(await store.resume(id)).toBeDefined();
    }
    expect((await store.resume(id))?.expiresAt).toBe(startedAt + ABSOLUTE_SECONDS);
  });

  it('hands a flash message to the next resume only, and keeps the roles the provider named', async () => {
    const roleClaims = { sub: 'user-1', selected_roleid: 'r1', nhsid_nrbac_roles: [{ person_roleid: 'r1', org_code: 'QMJ', role_code: 'R8001' }] };
    const id = await store.start({ ...newSession(), roleClaims });
    await store.flash(id, { heading: 'Case recorded' });
    expect(await store.resume(id)).toMatchObject({ flash: { heading: 'Case recorded' }, roleClaims });
    expect((await store.resume(id))?.flash).toBeUndefined();
  });

  it('resumes nothing for a missing, malformed or unknown id', async () => {
    for (const id of [undefined, '', 'x', `${'A'.repeat(43)}`, '../../etc/passwd']) {
      expect(await store.resume(id)).toBeUndefined();
    }
  });

  it('purges ended and expired sessions and keeps active ones', async () => {
    const ended = await store.start(newSession());
    await store.end(ended);
    const idle = await store.start(newSession());
    advance(IDLE_SECONDS + 1);
    const active = await store.start(newSession());
    const hashes = [ended, idle, active].map((id) => createHash('sha256').update(id).digest('hex'));

    expect(await store.purge()).toBeGreaterThanOrEqual(2);
    const left = await db.browserSession.findMany({ where: { idHash: { in: hashes } }, select: { idHash: true } });
    expect(left.map((row) => row.idHash)).toEqual([hashes[2]]);
    expect(await store.resume(active)).toBeDefined();
  });

  it('purges on its own, every SESSION_PURGE_INTERVAL_SECONDS', async () => {
    const ended = await store.start(newSession());
    await store.end(ended);
    const purge = new SessionPurge(config, store);
    purge.onApplicationBootstrap();
    try {
      const idHash = createHash('sha256').update(ended).digest('hex');
      await eventually(async () => (await db.browserSession.count({ where: { idHash } })) === 0, 'the ended session to be purged', 5_000);
    } finally {
      purge.onApplicationShutdown();
    }
  });
});
