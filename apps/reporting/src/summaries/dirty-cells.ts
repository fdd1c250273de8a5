import type { SqlClient } from '@scrt/messaging';
import type { WarehouseTables } from '../warehouse/warehouse-tables.js';

/**
 * Marks the cells (month and organisation as submitted) whose summaries a change of facts alters,
 * in the change's transaction: called before a write (the cells the facts leave) and after it (the
 * cells they enter). A case's cells and its reviews' read each other (open or closed, referral
 * date), a rapid review's conversion reads the review it became, learning takes its review's type.
 */
export class DirtyCells {
  constructor(private readonly tables: WarehouseTables) {}

  ofCase(tx: SqlClient, caseId: string): Promise<number> {
    return this.mark(
      tx,
      `SELECT "summary_month", "organisation_code" FROM ${this.tables.table('case_fact')} WHERE "case_id" = $1::uuid
       UNION SELECT "summary_month", "organisation_code" FROM ${this.tables.table('review_fact')} WHERE "case_id" = $1::uuid`,
      caseId,
    );
  }

  ofReview(tx: SqlClient, reviewId: string): Promise<number> {
    const reviews = this.tables.table('review_fact');
    const caseOfReview = `(SELECT "case_id" FROM ${reviews} WHERE "review_id" = $1::uuid)`;
    return this.mark(
      tx,
      `SELECT "summary_month", "organisation_code" FROM ${reviews} WHERE "case_id" IN ${caseOfReview}
       UNION SELECT "summary_month", "organisation_code" FROM ${this.tables.table('case_fact')} WHERE "case_id" IN ${caseOfReview}
       UNION SELECT "summary_month", "organisation_code" FROM ${reviews} WHERE "review_id" = $1::uuid
       UNION SELECT "summary_month", "organisation_code" FROM ${reviews} WHERE "converted_to_id" = $1::uuid
       UNION SELECT "summary_month", "organisation_code" FROM ${reviews} WHERE "review_id" IN (SELECT "converted_from_id" FROM ${reviews} WHERE "review_id" = $1::uuid)
       UNION SELECT DISTINCT "summary_month", "organisation_code" FROM ${this.tables.table('learning_fact')} WHERE "review_id" = $1::uuid`,
      reviewId,
    );
  }

  ofLearningItem(tx: SqlClient, itemId: string): Promise<number> {
    return this.mark(tx, `SELECT "summary_month", "organisation_code" FROM ${this.tables.table('learning_fact')} WHERE "item_id" = $1::uuid`, itemId);
  }

  private mark(tx: SqlClient, cells: string, id: string): Promise<number> {
    return tx.$executeRawUnsafe(
      `INSERT INTO ${this.tables.table('summary_dirty')} ("month", "organisation_code")
       SELECT "summary_month", "organisation_code" FROM (${cells}) AS "cells" WHERE "summary_month" IS NOT NULL`,
      id,
    );
  }
}
