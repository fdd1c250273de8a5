import type { SqlClient } from '@scrt/messaging';
import type { DirtyCells } from '../summaries/dirty-cells.js';
import { SqlParameters } from '@scrt/persistence';
import { insertParts, WarehouseFactsRepository, type FactColumns } from './fact-sql.repository.js';
import type { LearningFactRow } from './learning-fact.js';

/** The review type of learning whose review's fact has not arrived yet (the column is required); the review's fact replaces it. */
export const REVIEW_TYPE_NOT_YET_KNOWN = 'UNKNOWN';

const LEARNING_COLUMNS: FactColumns<LearningFactRow> = [
  ['itemId', 'item_id', 'uuid'],
  ['kind', 'kind', 'varchar'],
  ['version', 'version', 'int'],
  ['reviewId', 'review_id', 'uuid'],
  ['organisationCode', 'organisation_code', 'varchar'],
  ['regionCode', 'region_code', 'varchar'],
  ['themeCode', 'theme_code', 'varchar'],
  ['status', 'status', 'varchar'],
  ['dueOn', 'due_on', 'date'],
  ['completedOn', 'completed_on', 'date'],
  ['occurredOn', 'occurred_on', 'date'],
  ['method', 'method', 'varchar'],
  ['sourceEventId', 'source_event_id', 'uuid'],
];

/** Every column an event of a higher version replaces: all but the key and the day it was first seen. */
const VERSIONED = LEARNING_COLUMNS.filter(([key]) => key !== 'itemId' && key !== 'occurredOn');

/**
 * Writes learning facts into one warehouse, each event once (its inbox): the highest version of
 * each item, the earliest day seen of it, and the type of its review as the review's fact says.
 */
export class LearningFactsRepository extends WarehouseFactsRepository<LearningFactRow> {
  protected markCells(tx: SqlClient, cells: DirtyCells, row: LearningFactRow) {
    return cells.ofLearningItem(tx, row.itemId);
  }

  protected async write(tx: SqlClient, row: LearningFactRow): Promise<void> {
    const parameters = new SqlParameters();
    const learningFact = this.tables.table('learning_fact');
    const { names, values } = insertParts(LEARNING_COLUMNS, row, parameters);
    const reviewType = `COALESCE((SELECT "review_type" FROM ${this.tables.table('review_fact')} WHERE "review_id" = ${parameters.add(row.reviewId, 'uuid')}), ${parameters.add(REVIEW_TYPE_NOT_YET_KNOWN)})`;
    const newer = `${learningFact}."version" < EXCLUDED."version"`;
    const updates = VERSIONED.map(([, column]) => `"${column}" = CASE WHEN ${newer} THEN EXCLUDED."${column}" ELSE ${learningFact}."${column}" END`);
    await tx.$executeRawUnsafe(
      `INSERT INTO ${learningFact} (${names}, "review_type") VALUES (${values}, ${reviewType})
       ON CONFLICT ("item_id") DO UPDATE SET ${updates.join(', ')},
         "occurred_on" = LEAST(${learningFact}."occurred_on", EXCLUDED."occurred_on"), "review_type" = EXCLUDED."review_type", "change_seq" = DEFAULT
       WHERE ${newer} OR EXCLUDED."occurred_on" < ${learningFact}."occurred_on"`,
      ...parameters.values,
    );
  }
}
