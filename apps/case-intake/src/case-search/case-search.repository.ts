import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { AuditTrail, DATABASE, SqlParameters, type AuditEntry } from '@scrt/persistence';
import type { RecordScope } from '@scrt/reference-copy';
import { caseScopeSql, inCaseScope } from '../case-scope/scoped-database.js';
import type { CaseRow } from '../cases/cases.repository.js';
import { INTAKE_SCHEMA, type IntakeDatabase } from '../database.js';
import type { CaseCursor } from './case-cursor.js';
import type { CaseSort } from './dto/list-cases.query.js';

/** What a list asks for, checked and resolved (region to today's codes, cursor decoded). */
export interface CaseSearch {
  scope: RecordScope;
  sort: CaseSort;
  limit: number;
  after?: CaseCursor;
  reviewType?: string;
  status?: 'open' | 'withdrawn';
  includeWithdrawn: boolean;
  organisationCode?: string;
  /** The codes rolling up today to the region asked for. */
  regionCodes?: readonly string[];
  incidentFrom?: string;
  incidentTo?: string;
  addedFrom?: string;
  addedTo?: string;
  theme?: string;
  identifier?: string;
  updatedSince?: string;
  q?: string;
}

export interface CasePage {
  rows: CaseRow[];
  /** The sort key (as PostgreSQL prints it) of each row, for the next cursor. */
  keys: string[];
  hasMore: boolean;
}

const SORT_COLUMNS: Record<string, { column: string; type: 'timestamptz' | 'date' }> = {
  updatedAt: { column: 'updated_at', type: 'timestamptz' },
  createdAt: { column: 'created_at', type: 'timestamptz' },
  incidentDate: { column: 'incident_date', type: 'date' },
  dateAdded: { column: 'date_added', type: 'date' },
};

/** Ids of the cases in scope whose free text matches, found through the index (migration `free_text_search_under_row_level_security`). */
const FREE_TEXT_MATCHES = `"${INTAKE_SCHEMA}"."case_ids_matching_text"`;

const audit = new AuditTrail(INTAKE_SCHEMA);

function conditions(p: SqlParameters, search: CaseSearch): string[] {
  const where = [caseScopeSql(p, search.scope, 'c')];
  const add = (value: unknown, sql: (placeholder: string) => string, cast?: string) => {
    if (value !== undefined) where.push(sql(p.add(value, cast)));
  };
  if (search.status) add(search.status, (v) => `c."status" = ${v}`);
  else if (!search.includeWithdrawn) where.push(`c."status" = 'open'`);
  add(search.reviewType, (v) => `c."review_type" = ${v}`);
  add(search.organisationCode, (v) => `c."organisation_code" = ${v}`);
  add(search.regionCodes && [...search.regionCodes], (v) => `c."organisation_code" = ANY(${v})`, 'text[]');
  add(search.incidentFrom, (v) => `c."incident_date" >= ${v}`, 'date');
  add(search.incidentTo, (v) => `c."incident_date" <= ${v}`, 'date');
  add(search.addedFrom, (v) => `c."date_added" >= ${v}`, 'date');
  add(search.addedTo, (v) => `c."date_added" <= ${v}`, 'date');
  add(search.theme && [search.theme], (v) => `c."themes" @> ${v}`, 'text[]');
  add(search.identifier && JSON.stringify([{ value: search.identifier }]), (v) => `c."identifiers" @> ${v}`, 'jsonb');
  add(search.updatedSince, (v) => `c."updated_at" >= ${v}`, 'timestamptz');
  add(search.q, (v) => `c."id" IN (SELECT ${FREE_TEXT_MATCHES}(${v}))`);
  return where;
}

@Injectable()
export class CaseSearchRepository {
  constructor(@Inject(DATABASE) private readonly db: IntakeDatabase) {}

  /**
   * One page in keyset order on (sort key, id): stable under inserts, whatever the page. The
   * application filters by scope and the database's row-level security does too.
   */
  search(search: CaseSearch): Promise<CasePage> {
    const descending = search.sort.startsWith('-');
    const { column, type } = SORT_COLUMNS[search.sort.replace(/^-/, '')];
    const p = new SqlParameters();
    const where = conditions(p, search);
    if (search.after) where.push(`(c."${column}", c."id") ${descending ? '<' : '>'} (${p.add(search.after.key, type)}, ${p.add(search.after.id, 'uuid')})`);
    const direction = descending ? 'DESC' : 'ASC';
    const sql = `SELECT c."id", c."${column}"::text AS "key" FROM "${INTAKE_SCHEMA}"."case_record" c
      WHERE ${where.join(' AND ')}
      ORDER BY c."${column}" ${direction}, c."id" ${direction}
      LIMIT ${p.add(search.limit + 1, 'int')}`;
    return inCaseScope(this.db, search.scope, async (tx) => {
      const found = await tx.$queryRawUnsafe<{ id: string; key: string }[]>(sql, ...p.values);
      const page = found.slice(0, search.limit);
      const rows = await tx.caseRecord.findMany({ where: { id: { in: page.map((row) => row.id) } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return { rows: page.map((row) => byId.get(row.id)!), keys: page.map((row) => row.key), hasMore: found.length > search.limit };
    });
  }

  recordAccess(principal: Principal, entries: AuditEntry[]): Promise<void> {
    return audit.recordEach(this.db, principal, entries);
  }
}
