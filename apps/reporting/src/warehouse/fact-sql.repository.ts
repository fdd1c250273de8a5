import type { EventEnvelope } from '@scrt/contracts';
import { Inbox, type InboxOutcome, type SqlClient, type TransactionalSqlClient } from '@scrt/messaging';
import type { SqlParameters } from '@scrt/persistence';
import { WAREHOUSE_CONSUMER, WAREHOUSE_INBOX_TABLE, type WarehouseTables } from './warehouse-tables.js';

/** Writes one kind of fact into one warehouse (live or being rebuilt), each event once: its inbox commits with the fact. */
export abstract class WarehouseFactsRepository<R> {
  private readonly inbox: Inbox;

  constructor(
    private readonly db: TransactionalSqlClient,
    protected readonly tables: WarehouseTables,
  ) {
    this.inbox = new Inbox(tables.schema, WAREHOUSE_INBOX_TABLE);
  }

  apply(event: EventEnvelope, row: R): Promise<InboxOutcome> {
    return this.inbox.processOnce(this.db, event, WAREHOUSE_CONSUMER, (tx) => this.write(tx, row));
  }

  protected abstract write(tx: SqlClient, row: R): Promise<void>;
}

/** A fact table's columns: the row's property, the column, and the cast of its parameter. */
export type FactColumns<R> = [keyof R & string, string, string][];

/** The column list and bound values of one row, for `INSERT INTO t (<names>) VALUES (<values>)`. */
export function insertParts<R>(columns: FactColumns<R>, row: R, parameters: SqlParameters): { names: string; values: string } {
  return {
    names: columns.map(([, column]) => `"${column}"`).join(', '),
    values: columns.map(([key, , cast]) => parameters.add(row[key], cast)).join(', '),
  };
}

/** `"c" = EXCLUDED."c"` for every column but the key. */
export const excludedUpdates = <R>(columns: FactColumns<R>, key: keyof R): string[] =>
  columns.filter(([property]) => property !== key).map(([, column]) => `"${column}" = EXCLUDED."${column}"`);

/** The CTE `"progress"`: one more event applied, and the data as of the latest producer commit seen. */
export function progressCte(tables: WarehouseTables, parameters: SqlParameters, occurredAt: string): string {
  const state = tables.table('warehouse_state');
  return `"progress" AS (
         INSERT INTO ${state} ("id", "data_as_of", "events_applied") VALUES (1, ${parameters.add(occurredAt, 'timestamptz')}, 1)
         ON CONFLICT ("id") DO UPDATE SET "data_as_of" = GREATEST(${state}."data_as_of", EXCLUDED."data_as_of"), "events_applied" = ${state}."events_applied" + 1
       )`;
}

/**
 * Serialises, per review, the writes of its fact and of its learning: a learning fact reads the
 * review's type and a review fact passes its type on to the learning, so two transactions that
 * cannot see each other's rows must not run at once, or the type would stay unknown.
 */
export async function lockReview(tx: SqlClient, reviewId: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))::text AS "locked"`, reviewId);
}
