import type { EventEnvelope } from '@scrt/contracts';
import { Inbox, type InboxOutcome, type SqlClient, type TransactionalSqlClient } from '@scrt/messaging';
import type { SqlParameters } from '@scrt/persistence';
import { DirtyCells } from '../summaries/dirty-cells.js';
import { WAREHOUSE_CONSUMER, WAREHOUSE_INBOX_TABLE, type WarehouseTables } from './warehouse-tables.js';

/** Writes one kind of fact into one warehouse (live or being rebuilt), each event once: its inbox commits with the fact. */
export abstract class WarehouseFactsRepository<R> {
  private readonly inbox: Inbox;
  private readonly dirtyCells: DirtyCells;

  constructor(
    private readonly db: TransactionalSqlClient,
    protected readonly tables: WarehouseTables,
  ) {
    this.inbox = new Inbox(tables.schema, WAREHOUSE_INBOX_TABLE);
    this.dirtyCells = new DirtyCells(tables);
  }

  apply(event: EventEnvelope, row: R): Promise<InboxOutcome> {
    return this.inbox.processOnce(this.db, event, WAREHOUSE_CONSUMER, async (tx) => {
      await this.recordProgress(tx, event.occurredAt);
      await this.markCells(tx, this.dirtyCells, row);
      await this.write(tx, row);
      await this.markCells(tx, this.dirtyCells, row);
    });
  }

  /**
   * One more event applied, and the data as of the latest producer commit seen. First, in a
   * statement of its own: the row lock makes each write wait for the one before to commit, so the
   * next statement sees it (a learning fact reads its review's type, a review fact passes it on
   * to learning written just before), and no lock is taken after it that could deadlock.
   */
  private async recordProgress(tx: SqlClient, occurredAt: string): Promise<void> {
    const state = this.tables.table('warehouse_state');
    await tx.$executeRawUnsafe(
      `INSERT INTO ${state} ("id", "data_as_of", "events_applied") VALUES (1, $1::timestamptz, 1)
       ON CONFLICT ("id") DO UPDATE SET "data_as_of" = GREATEST(${state}."data_as_of", EXCLUDED."data_as_of"), "events_applied" = ${state}."events_applied" + 1`,
      occurredAt,
    );
  }

  protected abstract write(tx: SqlClient, row: R): Promise<void>;

  /** Marks the cells whose summaries the row's facts feed (before the write: those it leaves, after: those it enters). */
  protected abstract markCells(tx: SqlClient, cells: DirtyCells, row: R): Promise<unknown>;
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
