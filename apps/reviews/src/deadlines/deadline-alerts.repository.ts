import { Inject, Injectable } from '@nestjs/common';
import { ReviewDeadlineAlertedV1Contract, type DeadlineThresholdV1, type EventActor } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import type { IsoDate } from '@scrt/working-days';
import { REVIEWS_SCHEMA, type ReviewsDatabase } from '../database.js';

interface DueAlert {
  review_id: string;
  clock: string;
  threshold: DeadlineThresholdV1;
  due_date: string;
  case_id: string;
  organisation_code: string;
  region_code: string;
  review_type: string;
}

const SCHEDULER: EventActor = { subject: 'reviews.deadline-scheduler', kind: 'system' };

@Injectable()
export class DeadlineAlertsRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReviewsDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Fires up to `limit` alerts due on or before `today`: claims their rows (`FOR UPDATE SKIP
   * LOCKED`, so instances running at once share the work and never take the same row), writes
   * each event to the outbox and marks the row fired, in one transaction. A fired row is never
   * claimed again, so each review, clock and threshold fires once, across restarts.
   */
  fireDue(today: IsoDate, limit: number): Promise<number> {
    return this.db.$transaction(async (tx) => {
      const due = await tx.$queryRawUnsafe<DueAlert[]>(
        `SELECT a."review_id", a."clock", a."threshold", to_char(a."due_date", 'YYYY-MM-DD') AS "due_date",
                r."case_id", r."organisation_code", r."region_code", r."review_type"
         FROM "${REVIEWS_SCHEMA}"."deadline_alert" a JOIN "${REVIEWS_SCHEMA}"."review" r ON r."id" = a."review_id"
         WHERE a."fired_at" IS NULL AND a."fire_on" <= $1::date
         ORDER BY a."fire_on" LIMIT $2::int
         FOR UPDATE OF a SKIP LOCKED`,
        today,
        limit,
      );
      for (const alert of due) {
        const payload = {
          reviewId: alert.review_id,
          caseId: alert.case_id,
          organisationCode: alert.organisation_code,
          regionCode: alert.region_code,
          reviewType: alert.review_type,
          clock: alert.clock,
          threshold: alert.threshold,
          dueDate: alert.due_date,
          reachedOn: today,
        };
        await this.outbox.append(tx, ReviewDeadlineAlertedV1Contract, payload, { actor: SCHEDULER });
        await tx.$executeRawUnsafe(
          `UPDATE "${REVIEWS_SCHEMA}"."deadline_alert" SET "fired_at" = now() WHERE "review_id" = $1::uuid AND "clock" = $2 AND "threshold" = $3`,
          alert.review_id,
          alert.clock,
          alert.threshold,
        );
      }
      return due.length;
    });
  }
}
