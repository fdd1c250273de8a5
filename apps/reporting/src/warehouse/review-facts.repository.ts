import type { SqlClient } from '@scrt/messaging';
import type { DirtyCells } from '../summaries/dirty-cells.js';
import { SqlParameters } from '@scrt/persistence';
import { excludedUpdates, insertParts, WarehouseFactsRepository, type FactColumns } from './fact-sql.repository.js';
import type { ReviewFactChange, ReviewFactRow, StageTransitionRow } from './review-fact.js';

const REVIEW_COLUMNS: FactColumns<ReviewFactRow> = [
  ['reviewId', 'review_id', 'uuid'],
  ['version', 'version', 'int'],
  ['caseId', 'case_id', 'uuid'],
  ['organisationCode', 'organisation_code', 'varchar'],
  ['regionCode', 'region_code', 'varchar'],
  ['reviewType', 'review_type', 'varchar'],
  ['stage', 'stage', 'varchar'],
  ['stageDate', 'stage_date', 'date'],
  ['status', 'status', 'varchar'],
  ['convertedFromId', 'converted_from_id', 'uuid'],
  ['convertedToId', 'converted_to_id', 'uuid'],
  ['signedOffOn', 'signed_off_on', 'date'],
  ['publicationState', 'publication_state', 'varchar'],
  ['publishedOn', 'published_on', 'date'],
  ['embargoUntil', 'embargo_until', 'date'],
  ['paused', 'paused', 'boolean'],
  ['createdAt', 'created_at', 'timestamptz'],
  ['updatedAt', 'updated_at', 'timestamptz'],
  ['sourceEventId', 'source_event_id', 'uuid'],
  ['sourceOccurredAt', 'source_occurred_at', 'timestamptz'],
];

const TRANSITION_COLUMNS: FactColumns<StageTransitionRow> = [
  ['reviewId', 'review_id', 'uuid'],
  ['toStage', 'to_stage', 'varchar'],
  ['fromStage', 'from_stage', 'varchar'],
  ['enteredOn', 'entered_on', 'date'],
  ['targetOn', 'target_on', 'date'],
  ['slippageDays', 'slippage_days', 'int'],
  ['sourceEventId', 'source_event_id', 'uuid'],
];

/**
 * Writes review facts into one warehouse (live or being rebuilt), each event once (its inbox):
 * the highest version of each review, every stage it entered, and its type onto its learning.
 */
export class ReviewFactsRepository extends WarehouseFactsRepository<ReviewFactChange> {
  protected markCells(tx: SqlClient, cells: DirtyCells, change: ReviewFactChange) {
    return cells.ofReview(tx, change.review.reviewId);
  }

  protected async write(tx: SqlClient, { review, transition }: ReviewFactChange): Promise<void> {
    const parameters = new SqlParameters();
    const reviewFact = this.tables.table('review_fact');
    const learningFact = this.tables.table('learning_fact');
    const row = insertParts(REVIEW_COLUMNS, review, parameters);
    const ctes = [
      `"written" AS (
         INSERT INTO ${reviewFact} (${row.names}) VALUES (${row.values})
         ON CONFLICT ("review_id") DO UPDATE SET ${excludedUpdates(REVIEW_COLUMNS, 'reviewId').join(', ')}, "change_seq" = DEFAULT
         WHERE ${reviewFact}."version" < EXCLUDED."version"
         RETURNING "review_id", "review_type"
       )`,
      `"typed" AS (
         UPDATE ${learningFact} l SET "review_type" = w."review_type", "change_seq" = DEFAULT FROM "written" w
         WHERE l."review_id" = w."review_id" AND l."review_type" <> w."review_type"
       )`,
    ];
    if (transition) {
      const transitionFact = this.tables.table('stage_transition_fact');
      const entered = insertParts(TRANSITION_COLUMNS, transition, parameters);
      // Entering the same stage twice on one day is one row; which event's row stays must not depend on the order of arrival.
      ctes.push(`"entered" AS (
         INSERT INTO ${transitionFact} (${entered.names}) VALUES (${entered.values})
         ON CONFLICT ("review_id", "to_stage", "entered_on") DO UPDATE SET ${excludedUpdates(TRANSITION_COLUMNS, 'reviewId').join(', ')}
         WHERE ${transitionFact}."source_event_id" < EXCLUDED."source_event_id"
       )`);
    }
    await tx.$executeRawUnsafe(`WITH ${ctes.join(', ')} SELECT 1`, ...parameters.values);
  }
}
