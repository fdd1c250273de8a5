import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@scrt/contracts';
import { AuditTrail, type SqlExecutor } from './audit-trail.js';
import { SqlParameters } from './sql-parameters.js';

/** Keeps the statements it is given instead of running them. */
function recordingExecutor() {
  const statements: { sql: string; values: unknown[] }[] = [];
  const db: SqlExecutor = {
    $executeRawUnsafe: async (sql, ...values) => {
      statements.push({ sql, values });
      return 1;
    },
  };
  return { db, statements };
}

const principal: Principal = { subject: 'user-1', kind: 'user', organisationCode: 'QWO', tier: 'icb', roleId: 'role-1', permissions: [] };
const entry = { action: 'read', resourceType: 'case', resourceId: 'case-1', outcome: 'denied' } as const;

/** The INSERT's column list, in order. */
const columnsOf = (sql: string) => /\(id, ([^)]*)\)/.exec(sql)![1].split(', ');

describe('AuditTrail', () => {
  it('records the principal and the entry in the schema of the trail', async () => {
    const { db, statements } = recordingExecutor();
    await new AuditTrail('intake').record(db, principal, entry);
    const [{ sql, values }] = statements;
    expect(sql).toContain('INSERT INTO "intake"."audit_event"');
    expect(columnsOf(sql)).toEqual(['actor_subject', 'actor_kind', 'actor_role_id', 'organisation_code', 'action', 'resource_type', 'resource_id', 'request_id', 'client_correlation_id', 'outcome', 'reason']);
    expect(values.slice(1)).toEqual(['user-1', 'user', 'role-1', 'QWO', 'read', 'case', 'case-1', expect.stringMatching(/^[0-9a-f-]{36}$/), null, 'denied', null]);
  });

  it('records one row per entry in one statement, and nothing for no entries', async () => {
    const { db, statements } = recordingExecutor();
    await new AuditTrail('intake').recordEach(db, principal, []);
    expect(statements).toEqual([]);
    await new AuditTrail('intake').recordEach(db, principal, [entry, { ...entry, resourceId: 'case-2', outcome: 'success' }]);
    const [{ sql, values }] = statements;
    expect(statements).toHaveLength(1);
    expect(sql.match(/\(\$\d+::uuid/g)).toHaveLength(2);
    expect(values).toHaveLength(24);
    expect([values[7], values[10], values[19], values[22]]).toEqual(['case-1', 'denied', 'case-2', 'success']);
  });

  it('keeps a typed id with a NUL in it, which PostgreSQL text cannot hold, as U+FFFD', async () => {
    const { db, statements } = recordingExecutor();
    await new AuditTrail('intake').record(db, principal, { ...entry, resourceId: 'a\u0000b' });
    expect(statements[0].values[7]).toBe('a\uFFFDb');
  });

  it('records nobody as null, and the further columns of a table that has them', async () => {
    const { db, statements } = recordingExecutor();
    await new AuditTrail('gateway').record(db, undefined, { ...entry, outcome: 'refused', reason: 'UNAUTHENTICATED' }, { peer_address: '127.0.0.1', method: 'GET' });
    const [{ sql, values }] = statements;
    expect(columnsOf(sql).slice(-4)).toEqual(['outcome', 'reason', 'peer_address', 'method']);
    expect(sql).toContain('$14');
    expect(values.slice(1)).toEqual([null, null, null, null, 'read', 'case', 'case-1', expect.any(String), null, 'refused', 'UNAUTHENTICATED', '127.0.0.1', 'GET']);
  });

  it('gives the same record as an INSERT ... SELECT over a use case\'s CTE, its values after those bound before', async () => {
    const parameters = new SqlParameters();
    parameters.add('bound-before');
    const sql = new AuditTrail('intake').insertFromSql(parameters, 'created', principal, entry);
    expect(sql).toContain('INSERT INTO "intake"."audit_event"');
    expect(columnsOf(sql)).toEqual(['actor_subject', 'actor_kind', 'actor_role_id', 'organisation_code', 'action', 'resource_type', 'resource_id', 'request_id', 'client_correlation_id', 'outcome', 'reason']);
    expect(sql).toMatch(/SELECT \$2::uuid, \$3, .*\$13 FROM created$/);
    expect(parameters.values.slice(2)).toEqual(['user-1', 'user', 'role-1', 'QWO', 'read', 'case', 'case-1', expect.stringMatching(/^[0-9a-f-]{36}$/), null, 'denied', null]);
  });

  it('refuses a column name that could be anything but one', async () => {
    const { db, statements } = recordingExecutor();
    await expect(new AuditTrail('gateway').record(db, undefined, entry, { 'reason) VALUES (1); --': 'x' })).rejects.toThrow(/invalid audit column/);
    expect(statements).toEqual([]);
  });
});
