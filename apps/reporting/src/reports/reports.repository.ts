import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import type { SqlClient } from '@scrt/messaging';
import { AuditTrail, DATABASE, SqlParameters, type AuditEntry } from '@scrt/persistence';
import type { ReportingDatabase } from '../database.js';
import { WAREHOUSE_SCHEMA } from '../warehouse/warehouse-tables.js';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import type { ReportDefinition } from './report-definitions.js';
import type { ReportScope } from './report-scope.js';
import { warehouseTable } from './report-sql.js';
import { reportSql } from './report-summary-sql.js';

const audit = new AuditTrail(WAREHOUSE_SCHEMA);
/** Rows fetched from the cursor at a time while a CSV streams. */
const CURSOR_BATCH = 1_000;
/** A CSV export may take this long in all before its transaction is ended. */
const EXPORT_TIMEOUT_MS = 10 * 60_000;

export type ReportRow = Record<string, unknown>;

@Injectable()
export class ReportsRepository {
  constructor(@Inject(DATABASE) private readonly db: ReportingDatabase) {}

  rows(report: ReportDefinition, scope: ReportScope, query: ReportQueryDto, today: string): Promise<ReportRow[]> {
    const parameters = new SqlParameters();
    const sql = reportSql(parameters, WAREHOUSE_SCHEMA, report, scope, query, today);
    return this.db.$queryRawUnsafe<ReportRow[]>(sql, ...parameters.values);
  }

  /** Hands the rows over in batches from a server-side cursor: memory holds one batch, however many rows. */
  async eachBatch(report: ReportDefinition, scope: ReportScope, query: ReportQueryDto, today: string, onBatch: (rows: ReportRow[]) => Promise<void>): Promise<void> {
    const parameters = new SqlParameters();
    const sql = reportSql(parameters, WAREHOUSE_SCHEMA, report, scope, query, today);
    await this.db.$transaction(
      async (tx) => {
        const client = tx as unknown as SqlClient;
        await client.$executeRawUnsafe(`DECLARE "report_rows" NO SCROLL CURSOR FOR ${sql}`, ...parameters.values);
        for (;;) {
          const rows = await client.$queryRawUnsafe<ReportRow[]>(`FETCH ${CURSOR_BATCH} FROM "report_rows"`);
          if (rows.length > 0) await onBatch(rows);
          if (rows.length < CURSOR_BATCH) return;
        }
      },
      { timeout: EXPORT_TIMEOUT_MS, maxWait: 10_000 },
    );
  }

  /** The commit time of the latest change the warehouse's facts hold; null while it is empty. */
  async dataAsOf(): Promise<Date | null> {
    return (await this.state())?.data_as_of ?? null;
  }

  /** The commit time of the latest change the report summaries hold (they follow the facts within a refresh). */
  async summariesAsOf(): Promise<Date | null> {
    return (await this.state())?.summaries_as_of ?? null;
  }

  private async state() {
    const [state] = await this.db.$queryRawUnsafe<{ data_as_of: Date; summaries_as_of: Date | null }[]>(
      `SELECT "data_as_of", "summaries_as_of" FROM ${warehouseTable(WAREHOUSE_SCHEMA, 'warehouse_state')} WHERE "id" = 1`,
    );
    return state;
  }

  recordAccess(principal: Principal, entry: AuditEntry) {
    return audit.record(this.db, principal, entry);
  }
}
