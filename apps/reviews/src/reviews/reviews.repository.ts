import { Inject, Injectable } from '@nestjs/common';
import type { Review } from '#prisma/reviews';
import { eventActorOf, type EventContract, type Principal } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { AuditTrail, DATABASE, unlessDuplicate, type AuditEntry } from '@scrt/persistence';
import { REVIEWS_SCHEMA, type ReviewsDatabase } from '../database.js';
import { dateColumn } from './review-dates.js';

type Tx = Parameters<Parameters<ReviewsDatabase['$transaction']>[0]>[0];

export type ReviewRow = Review;
export type ReviewWithHistory = NonNullable<Awaited<ReturnType<ReviewsRepository['findById']>>>;

/** An event to write through the outbox with the change. */
export interface PendingEvent {
  contract: EventContract<object>;
  payload: object;
}

/** A deadline alert of the review's running clock (replaces the ones not fired yet). */
export interface PendingAlert {
  clock: string;
  threshold: string;
  dueDate: string;
  fireOn: string;
}

/** One review written by a change: created, or updated from `expectedVersion` (optimistic concurrency). */
export interface ReviewWrite {
  row: ReviewRow;
  expectedVersion?: number;
  stageChange?: { stage: string; subStage: string | null; occurredOn: string };
  pauseStarted?: { reason: string; pausedOn: string };
  resumedOn?: string;
  /** The running clock's alerts after the change; undefined leaves them as they are. */
  alerts?: PendingAlert[];
}

/** Everything one request changes, written in one transaction or not at all. */
export interface ChangePlan {
  reviews: ReviewWrite[];
  events: PendingEvent[];
  audit: AuditEntry;
  idempotency?: { organisationCode: string; key: string; requestHash: string; resourceId: string };
}

/** What `apply` answers when nothing was written. */
export const KEY_TAKEN = Symbol('idempotency key taken');
export const STALE = Symbol('review changed meanwhile');
export const DUPLICATE = Symbol('unique rule refused the write');
type Refusal = typeof KEY_TAKEN | typeof STALE | typeof DUPLICATE;

class Rollback extends Error {
  constructor(readonly refusal: Refusal) {
    super(String(refusal.description));
  }
}

const audit = new AuditTrail(REVIEWS_SCHEMA);
const withHistory = { stageChanges: { orderBy: { sequence: 'asc' } }, pauses: { orderBy: { pausedOn: 'asc' } } } as const;

@Injectable()
export class ReviewsRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReviewsDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  findById(id: string) {
    return this.db.review.findUnique({ where: { id }, include: withHistory });
  }

  findInitialOfCase(caseId: string) {
    return this.db.review.findFirst({ where: { caseId, convertedFromId: null } });
  }

  findIdempotentRequest(organisationCode: string, key: string) {
    return this.db.idempotentRequest.findUnique({ where: { organisationCode_idempotencyKey: { organisationCode, idempotencyKey: key } } });
  }

  /** Open (or all) reviews whose organisation is one of `codes` (undefined: every organisation), newest first, after `cursor`. */
  list(filter: { organisationCodes?: string[]; caseId?: string; status?: 'open' | 'closed'; openStages: string[] }, limit: number, cursor?: string) {
    return this.db.review.findMany({
      where: {
        ...(filter.organisationCodes ? { organisationCode: { in: filter.organisationCodes } } : {}),
        ...(filter.caseId ? { caseId: filter.caseId } : {}),
        ...(filter.status === 'open' ? { stage: { in: filter.openStages } } : filter.status === 'closed' ? { stage: { notIn: filter.openStages } } : {}),
        ...(cursor ? { id: { lt: cursor } } : {}),
      },
      orderBy: { id: 'desc' },
      take: limit,
      include: withHistory,
    });
  }

  /** Applies a change plan in one transaction: reviews, their history, deadline alerts, events, audit, idempotency claim. */
  async apply(plan: ChangePlan, principal: Principal): Promise<true | Refusal> {
    try {
      await this.db.$transaction(async (tx) => {
        if (plan.idempotency) await this.claim(tx, plan.idempotency);
        for (const write of plan.reviews) await this.writeReview(tx, write, principal);
        for (const event of plan.events) await this.outbox.append(tx, event.contract, event.payload, { actor: eventActorOf(principal) });
        await audit.record(tx, principal, plan.audit);
      });
      return true;
    } catch (error) {
      if (error instanceof Rollback) return error.refusal;
      throw error;
    }
  }

  recordAccess(principal: Principal, entry: AuditEntry) {
    return audit.record(this.db, principal, entry);
  }

  private async claim(tx: Tx, claim: NonNullable<ChangePlan['idempotency']>): Promise<void> {
    const claimed = await tx.$executeRawUnsafe(
      `INSERT INTO "${REVIEWS_SCHEMA}"."idempotent_request" ("organisation_code", "idempotency_key", "request_hash", "resource_id") VALUES ($1, $2, $3, $4::uuid) ON CONFLICT DO NOTHING`,
      claim.organisationCode,
      claim.key,
      claim.requestHash,
      claim.resourceId,
    );
    if (claimed === 0) throw new Rollback(KEY_TAKEN);
  }

  private async writeReview(tx: Tx, write: ReviewWrite, principal: Principal): Promise<void> {
    const { row } = write;
    const { id, version, ...fields } = row;
    if (write.expectedVersion === undefined) {
      const created = await unlessDuplicate(() => tx.review.create({ data: row }));
      if (!created) throw new Rollback(DUPLICATE);
    } else {
      const updated = await tx.review.updateMany({ where: { id, version: write.expectedVersion }, data: { ...fields, version } });
      if (updated.count === 0) throw new Rollback(STALE);
    }
    if (write.stageChange) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "${REVIEWS_SCHEMA}"."review_stage_change" ("id", "review_id", "sequence", "stage", "sub_stage", "occurred_on", "recorded_by")
         SELECT gen_random_uuid(), $1::uuid, coalesce(max("sequence"), 0) + 1, $2, $3, $4::date, $5 FROM "${REVIEWS_SCHEMA}"."review_stage_change" WHERE "review_id" = $1::uuid`,
        id,
        write.stageChange.stage,
        write.stageChange.subStage,
        write.stageChange.occurredOn,
        principal.subject,
      );
    }
    if (write.pauseStarted) {
      await tx.reviewPause.create({ data: { id: crypto.randomUUID(), reviewId: id, reason: write.pauseStarted.reason, pausedOn: dateColumn(write.pauseStarted.pausedOn), recordedBy: principal.subject } });
    }
    if (write.resumedOn) {
      await tx.reviewPause.updateMany({ where: { reviewId: id, resumedOn: null }, data: { resumedOn: dateColumn(write.resumedOn) } });
    }
    if (write.alerts) await this.replaceAlerts(tx, id, write.alerts);
  }

  /** The alerts not fired yet give way to the running clock's; one already fired is never fired again (its row stays). */
  private async replaceAlerts(tx: Tx, reviewId: string, alerts: PendingAlert[]): Promise<void> {
    await tx.deadlineAlert.deleteMany({ where: { reviewId, firedAt: null } });
    if (alerts.length === 0) return;
    await tx.deadlineAlert.createMany({
      data: alerts.map((alert) => ({ reviewId, clock: alert.clock, threshold: alert.threshold, dueDate: dateColumn(alert.dueDate), fireOn: dateColumn(alert.fireOn) })),
      skipDuplicates: true,
    });
  }
}
