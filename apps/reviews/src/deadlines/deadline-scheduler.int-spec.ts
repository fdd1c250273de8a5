import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxWriter } from '@scrt/messaging';
import { requiredEnv } from '@scrt/testing';
import type { ReviewsEnv } from '../config/reviews.config.js';
import { createReviewsDatabase, REVIEWS_SCHEMA, type ReviewsDatabase } from '../database.js';
import { Clock } from './clock.js';
import { DeadlineAlertsRepository } from './deadline-alerts.repository.js';
import { DeadlineScheduler } from './deadline-scheduler.js';

/** A clock the test moves by hand. */
class MovableClock extends Clock {
  constructor(private current: string) {
    super();
  }

  moveTo(date: string): void {
    this.current = date;
  }

  now(): Date {
    return new Date(`${this.current}T12:00:00Z`);
  }
}

// Years ahead, so that the stack's own scheduler (on the real clock) never reaches these alerts.
const DUE = '2030-06-14';
const DUE_SOON_ON = '2030-06-07';
const BREACHED_ON = '2030-06-15';

describe('the deadline scheduler (real PostgreSQL, clock moved by the test)', () => {
  let db: ReviewsDatabase;
  let repository: DeadlineAlertsRepository;
  const config = { DEADLINE_SCAN_INTERVAL_MS: 3_600_000 } as ReviewsEnv;
  const reviewIds = [randomUUID(), randomUUID(), randomUUID()];

  const scheduler = (clock: Clock) => new DeadlineScheduler(repository, clock, config);
  const events = async () =>
    (
      await db.outboxEvent.findMany({ where: { topic: 'reviews.review.deadline-alerted.v1', messageKey: { in: reviewIds } }, orderBy: { createdAt: 'asc' } })
    ).map((row) => {
      const payload = (row.envelope as { payload: { reviewId: string; threshold: string; reachedOn: string } }).payload;
      return `${payload.reviewId}:${payload.threshold}:${payload.reachedOn}`;
    });

  beforeAll(async () => {
    db = createReviewsDatabase(requiredEnv('SCRT_TEST_DATABASE_URL'));
    repository = new DeadlineAlertsRepository(db, new OutboxWriter({ serviceName: 'reviews', schema: REVIEWS_SCHEMA }));
    for (const id of reviewIds) {
      await db.review.create({
        data: { id, caseId: randomUUID(), organisationCode: 'QWO', regionCode: 'Y63', reviewType: 'RAPID_REVIEW', stage: 'RAPID_REVIEW', stageDate: new Date('2030-05-24T00:00:00Z'), createdBy: 'int-spec' },
      });
      await db.deadlineAlert.createMany({
        data: [
          { reviewId: id, clock: 'RAPID_REVIEW', threshold: 'due-soon', dueDate: new Date(`${DUE}T00:00:00Z`), fireOn: new Date(`${DUE_SOON_ON}T00:00:00Z`) },
          { reviewId: id, clock: 'RAPID_REVIEW', threshold: 'breached', dueDate: new Date(`${DUE}T00:00:00Z`), fireOn: new Date(`${BREACHED_ON}T00:00:00Z`) },
        ],
      });
    }
  });

  afterAll(async () => {
    await db.deadlineAlert.deleteMany({ where: { reviewId: { in: reviewIds } } });
    await db.outboxEvent.deleteMany({ where: { messageKey: { in: reviewIds } } });
    await db.review.deleteMany({ where: { id: { in: reviewIds } } });
    await db.$disconnect();
  });

  // The table is shared with the running stack: other tests' alerts may be due too, so the
  // assertions are on this test's reviews only.
  it('fires nothing before the day, each alert once on its day, and never again after a restart', async () => {
    const clock = new MovableClock('2030-06-06');
    await scheduler(clock).runOnce();
    expect(await events()).toEqual([]);

    clock.moveTo(DUE_SOON_ON);
    await scheduler(clock).runOnce();
    expect((await events()).sort()).toEqual(reviewIds.map((id) => `${id}:due-soon:${DUE_SOON_ON}`).sort());
    await scheduler(clock).runOnce();
    // a restart: a new scheduler over the same table, the same day
    await scheduler(new MovableClock(DUE_SOON_ON)).runOnce();
    expect(await events()).toHaveLength(3);

    clock.moveTo('2030-06-20');
    await scheduler(clock).runOnce();
    await scheduler(clock).runOnce();
    expect((await events()).sort()).toEqual(reviewIds.flatMap((id) => [`${id}:breached:2030-06-20`, `${id}:due-soon:${DUE_SOON_ON}`]).sort());
    expect(await db.deadlineAlert.count({ where: { reviewId: { in: reviewIds }, firedAt: { not: null } } })).toBe(6);
  });

  it('shares due alerts between instances running at once without firing any twice (FOR UPDATE SKIP LOCKED)', async () => {
    await db.deadlineAlert.updateMany({ where: { reviewId: { in: reviewIds } }, data: { firedAt: null } });
    await db.outboxEvent.deleteMany({ where: { messageKey: { in: reviewIds } } });
    const clock = new MovableClock('2030-06-20');
    const counts = await Promise.all([scheduler(clock).runOnce(), scheduler(clock).runOnce(), scheduler(clock).runOnce()]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(6);
    expect(await events()).toHaveLength(6);
    expect(new Set(await events()).size).toBe(6);
  });
});
