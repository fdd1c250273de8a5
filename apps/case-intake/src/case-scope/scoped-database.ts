import type { RecordScope } from '@scrt/reference-copy';
import type { SqlParameters } from '@scrt/persistence';
import type { IntakeDatabase } from '../database.js';

/**
 * The transaction-local setting the row-level security policies of the case tables read (see the
 * intake migration `case_row_level_security`): `*` for every organisation, else the visible
 * codes separated by commas. Unset, the policies show nothing.
 */
export const CASE_SCOPE_SETTING = 'scrt.case_scope';

export type IntakeTransaction = Parameters<Parameters<IntakeDatabase['$transaction']>[0]>[0];

export function caseScopeSettingValue(scope: RecordScope): string {
  return scope.all ? '*' : scope.codes.join(',');
}

/** The application's own filter (the first line): a Prisma `where` on the submitting organisation. */
export function caseScopeWhere(scope: RecordScope): { organisationCode?: { in: string[] } } {
  return scope.all ? {} : { organisationCode: { in: [...scope.codes] } };
}

/** The same filter in SQL, on a table alias's `organisation_code`. */
export function caseScopeSql(p: SqlParameters, scope: RecordScope, alias: string): string {
  return scope.all ? 'TRUE' : `${alias}."organisation_code" = ANY(${p.add([...scope.codes], 'text[]')})`;
}

/** Runs `work` in one transaction whose case-scope setting is the principal's scope (the database's line). */
export function inCaseScope<T>(db: IntakeDatabase, scope: RecordScope, work: (tx: IntakeTransaction) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT set_config('${CASE_SCOPE_SETTING}', $1, true)`, caseScopeSettingValue(scope));
    return work(tx);
  });
}

/**
 * A one-row source that sets the scope inside a single statement (no transaction, one round
 * trip): a data-modifying CTE inserting `FROM` it has set the scope before its row is checked
 * against the policies (a `RETURNING` clause needs the new row to be visible).
 */
export function caseScopeSourceSql(p: SqlParameters, scope: RecordScope): string {
  return `(SELECT set_config('${CASE_SCOPE_SETTING}', ${p.add(caseScopeSettingValue(scope))}, true) AS "case_scope")`;
}
