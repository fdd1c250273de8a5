import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { appEnvironment, requiredEnv } from '@scrt/testing';
import { CASE_SCOPE_SETTING } from './scoped-database.js';

/**
 * The second line on its own: case-intake's database role, with no application filter at all
 * (bare SELECTs), sees only the cases, history and view log of the organisations set in the
 * transaction's scope, and nothing when none is set.
 */
describe('row-level security on the case tables, as the role case-intake connects as', () => {
  const owner = new pg.Client({ connectionString: requiredEnv('SCRT_TEST_DATABASE_URL') });
  const service = new pg.Client({ connectionString: appEnvironment('case-intake').DATABASE_URL });
  const [inScope, outOfScope] = [randomUUID(), randomUUID()];
  const ids = [inScope, outOfScope];

  /** `work` in a transaction scoped to `scope` (undefined: no scope set), as case-intake does. */
  async function asService<T>(scope: string | undefined, work: () => Promise<T>): Promise<T> {
    await service.query('BEGIN');
    try {
      if (scope !== undefined) await service.query(`SELECT set_config('${CASE_SCOPE_SETTING}', $1, true)`, [scope]);
      return await work();
    } finally {
      await service.query('ROLLBACK');
    }
  }
  const visible = async (table: string, column: string) =>
    (await service.query<{ id: string }>(`SELECT ${column}::text AS id FROM intake.${table} WHERE ${column}::text = ANY($1::text[])`, [ids])).rows.map((row) => row.id).sort();

  beforeAll(async () => {
    await Promise.all([owner.connect(), service.connect()]);
    for (const [id, organisationCode] of [
      [inScope, 'ZR1'],
      [outOfScope, 'ZR2'],
    ]) {
      await owner.query(
        `INSERT INTO intake.case_record (id, organisation_code, region_code, review_type, incident_date, date_added, subject_group, themes, brief_information, created_by, updated_at)
         VALUES ($1, $2, 'Y56', 'OTHER', '2026-03-02', '2026-03-03', 'CHILD', ARRAY['NEGLECT'], 'Row-level security test.', 'int-spec', now())`,
        [id, organisationCode],
      );
      await owner.query(`INSERT INTO intake.case_change (id, case_id, version, changed_at, changed_by, field, old_value, new_value) VALUES ($1, $2, 2, now(), 'int-spec', 'locality', null, '"x"')`, [randomUUID(), id]);
      await owner.query(`INSERT INTO intake.audit_event (id, action, resource_type, resource_id, outcome, request_id) VALUES ($1, 'read', 'case', $2, 'success', $3)`, [randomUUID(), id, randomUUID()]);
    }
  });

  afterAll(async () => {
    await Promise.all([owner.end(), service.end()]);
  });

  it('is not the owner of the tables and cannot bypass row-level security', async () => {
    const [role] = (await service.query<{ rolbypassrls: boolean; rolsuper: boolean; owns: boolean }>(
      `SELECT rolbypassrls, rolsuper, pg_get_userbyid(c.relowner) = current_user AS owns FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'intake.case_record'::regclass`,
    )).rows;
    expect(role).toEqual({ rolbypassrls: false, rolsuper: false, owns: false });
  });

  it('shows nothing when no scope is set', async () => {
    await asService(undefined, async () => {
      expect(await visible('case_record', 'id')).toEqual([]);
      expect(await visible('case_change', 'case_id')).toEqual([]);
      expect(await visible('audit_event', 'resource_id')).toEqual([]);
    });
  });

  it("shows only the scope's cases, their history and their view log", async () => {
    await asService('ZR1,ZR9', async () => {
      expect(await visible('case_record', 'id')).toEqual([inScope]);
      expect(await visible('case_change', 'case_id')).toEqual([inScope]);
      expect(await visible('audit_event', 'resource_id')).toEqual([inScope]);
    });
    await asService('*', async () => expect(await visible('case_record', 'id')).toEqual([...ids].sort()));
  });

  it('changes nothing out of scope, refuses to write a case outside it, and deletes nothing', async () => {
    await asService('ZR1', async () => {
      expect((await service.query(`UPDATE intake.case_record SET locality = 'changed' WHERE id = ANY($1::uuid[])`, [ids])).rowCount).toBe(1);
    });
    await asService('ZR1', async () => {
      await expect(service.query(`UPDATE intake.case_record SET organisation_code = 'ZR2' WHERE id = $1`, [inScope])).rejects.toThrow(/row-level security/);
    });
    await asService('ZR1', async () => {
      await expect(service.query(`INSERT INTO intake.case_change (id, case_id, version, changed_at, changed_by, field) VALUES ($1, $2, 3, now(), 'x', 'locality')`, [randomUUID(), outOfScope])).rejects.toThrow(/row-level security/);
    });
    await asService('*', async () => {
      await expect(service.query(`DELETE FROM intake.case_record WHERE id = $1`, [inScope])).rejects.toThrow(/permission denied/);
    });
  });
});
