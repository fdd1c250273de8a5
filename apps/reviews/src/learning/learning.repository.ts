import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '#prisma/reviews';
import { eventActorOf, type Principal } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { AuditTrail, DATABASE, type AuditEntry } from '@scrt/persistence';
import type { IsoDate } from '@scrt/working-days';
import { REVIEWS_SCHEMA, type ReviewsDatabase } from '../database.js';
import type { PendingEvent } from '../reviews/reviews.repository.js';

export type Tx = Parameters<Parameters<ReviewsDatabase['$transaction']>[0]>[0];
export type RecommendationWithActions = NonNullable<Awaited<ReturnType<LearningRepository['findRecommendation']>>>;
export type ActionRow = RecommendationWithActions['actions'][number];

export interface SimilarRow {
  id: string;
  review_id: string;
  organisation_code: string;
  region_code: string;
  text: string;
  theme: string;
  status: string;
  learning_embedded_on: Date | null;
  similarity: number;
}

/** Action statuses that end an action (it is then neither open nor overdue). */
export const FINISHED_ACTION_STATUSES = ['COMPLETED', 'NO_LONGER_REQUIRED'];
const audit = new AuditTrail(REVIEWS_SCHEMA);
/** The trigram similarity (0 to 1) below which a recommendation is not shown as a repeat. */
const MINIMUM_SIMILARITY = 0.2;
/** How many of the nearest the theme may reorder, for each match shown. */
const NEAREST_CANDIDATES_PER_MATCH = 5;
const withActions = { actions: { orderBy: { createdAt: 'asc' } } } as const;

class Stale extends Error {}

@Injectable()
export class LearningRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReviewsDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  findRecommendation(id: string) {
    return this.db.recommendation.findUnique({ where: { id }, include: withActions });
  }

  recommendationsOfReview(reviewId: string) {
    return this.db.recommendation.findMany({ where: { reviewId }, include: withActions, orderBy: { createdAt: 'asc' } });
  }

  findAction(id: string) {
    return this.db.recommendationAction.findUnique({ where: { id } });
  }

  learningOfReview(reviewId: string) {
    return Promise.all([
      this.db.learningItem.findMany({ where: { reviewId }, orderBy: { createdAt: 'asc' } }),
      this.db.dissemination.findMany({ where: { reviewId }, orderBy: { occurredOn: 'asc' } }),
    ]);
  }

  /** Actions past their due date and not finished, of the given organisations (undefined: all). */
  overdueActions(organisationCodes: string[] | undefined, today: IsoDate, limit: number) {
    return this.db.recommendationAction.findMany({
      where: { ...(organisationCodes ? { organisationCode: { in: organisationCodes } } : {}), dueDate: { lt: new Date(`${today}T00:00:00Z`) }, status: { notIn: FINISHED_ACTION_STATUSES } },
      orderBy: { dueDate: 'asc' },
      take: limit,
    });
  }

  /** Recommendations whose re-audit is due on or before today and not recorded. */
  reAuditsDue(organisationCodes: string[] | undefined, today: IsoDate, limit: number) {
    return this.db.recommendation.findMany({
      where: { ...(organisationCodes ? { organisationCode: { in: organisationCodes } } : {}), reAuditDue: { lte: new Date(`${today}T00:00:00Z`) }, reAuditRecordedOn: null },
      include: withActions,
      orderBy: { reAuditDue: 'asc' },
      take: limit,
    });
  }

  /**
   * Repeated recommendations: of the recommendations in scope nearest to `text` in trigram
   * distance (pg_trgm, walked nearest first by the GiST index), those at least
   * MINIMUM_SIMILARITY alike, a same-theme match ranked up by `themeBonus`.
   */
  similarRecommendations(text: string, theme: string | undefined, organisationCodes: string[] | undefined, exclude: string | undefined, limit: number, themeBonus: number): Promise<SimilarRow[]> {
    return this.db.$queryRawUnsafe<SimilarRow[]>(
      `WITH "nearest" AS (
         SELECT "id", "review_id", "organisation_code", "region_code", "text", "theme", "status", "learning_embedded_on", public.similarity("text", $1)::float8 AS "similarity"
           FROM "${REVIEWS_SCHEMA}"."recommendation"
          WHERE ($2::text[] IS NULL OR "organisation_code" = ANY($2::text[])) AND ($3::uuid IS NULL OR "id" <> $3::uuid)
          ORDER BY "text" OPERATOR(public.<->) $1
          LIMIT $7::int)
       SELECT * FROM "nearest" WHERE "similarity" >= $8::float8
        ORDER BY "similarity" + CASE WHEN "theme" = $4 THEN $5::float8 ELSE 0 END DESC, "id"
        LIMIT $6::int`,
      text,
      organisationCodes ?? null,
      exclude ?? null,
      theme ?? null,
      themeBonus,
      limit,
      limit * NEAREST_CANDIDATES_PER_MATCH,
      MINIMUM_SIMILARITY,
    );
  }

  /** Runs the writes, the events (outbox) and the audit record in one transaction; false when a versioned row changed meanwhile. */
  async write(principal: Principal, entry: AuditEntry, events: PendingEvent[], work: (tx: Tx) => Promise<void>): Promise<boolean> {
    try {
      await this.db.$transaction(async (tx) => {
        await work(tx);
        for (const event of events) await this.outbox.append(tx, event.contract, event.payload, { actor: eventActorOf(principal) });
        await audit.record(tx, principal, entry);
      });
      return true;
    } catch (error) {
      if (error instanceof Stale) return false;
      throw error;
    }
  }

  /** Updates a recommendation from `expectedVersion`, inside `write` (the write rolls back when it changed meanwhile). */
  async updateRecommendation(tx: Tx, id: string, expectedVersion: number, data: Prisma.RecommendationUpdateManyMutationInput): Promise<void> {
    const { count } = await tx.recommendation.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: expectedVersion + 1, updatedAt: new Date() } });
    if (count === 0) throw new Stale();
  }

  async updateAction(tx: Tx, id: string, expectedVersion: number, data: Prisma.RecommendationActionUpdateManyMutationInput): Promise<void> {
    const { count } = await tx.recommendationAction.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: expectedVersion + 1, updatedAt: new Date() } });
    if (count === 0) throw new Stale();
  }

  recordAccess(principal: Principal, entry: AuditEntry) {
    return audit.record(this.db, principal, entry);
  }
}
