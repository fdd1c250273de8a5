// The baseline: the SQL each operation costs the service (its transaction, its audit row, its
// outbox row), sent straight to the same PostgreSQL by a pool of `pg` clients. It runs against
// copies of the services' tables in a scratch schema, so the stack's data stays untouched.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const SCHEMA = 'bench_baseline';
/** The items of the record the bench writes (the same as `caseInput` of @scrt/testing sends). */
const BRIEF_INFORMATION = 'Rapid review notified by the local authority after a serious incident.';
const IDENTIFIERS = [{ type: 'STEIS', value: '2026/12345' }];
const COPIED_TABLES = { case_record: 'intake.case_record', outbox_event: 'intake.outbox_event', audit_event: 'intake.audit_event' };

export async function openBaseline(databaseUrl, poolSize) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.query(`CREATE SCHEMA ${SCHEMA}`);
  for (const [name, source] of Object.entries(COPIED_TABLES)) {
    await pool.query(`CREATE TABLE ${SCHEMA}.${name} (LIKE ${source} INCLUDING ALL)`);
  }
  const caseIds = [];
  const audit = (client, action, resourceType, resourceId, actorKind = 'client') =>
    client.query(
      `INSERT INTO ${SCHEMA}.audit_event (id, actor_subject, actor_kind, actor_role_id, organisation_code, action, resource_type, resource_id, request_id, client_correlation_id, outcome, reason)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::uuid, $10, $11, $12)`,
      [randomUUID(), 'wy-case-system', actorKind, null, 'QWO', action, resourceType, resourceId, randomUUID(), null, 'success', null],
    );

  /** case row, outbox row and audit row in one transaction, as case-intake writes them (the bench sends no Idempotency-Key, so no claim row). */
  async function createCase() {
    const client = await pool.connect();
    try {
      const id = randomUUID();
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${SCHEMA}.case_record (id, organisation_code, region_code, review_type, incident_date, date_added, subject_group, themes, brief_information, identifiers,
           designated_professional, age_band, setting, created_by, created_at, updated_at, version)
         VALUES ($1::uuid, 'QWO', 'Y63', 'RAPID_REVIEW', '2026-03-02', '2026-03-04', 'CHILD', '{NEGLECT,EMOTIONAL}', $2, $3::jsonb,
           'DESIGNATED_NURSE_CHILDREN', 'AGE_5_10', 'OWN_HOME', 'wy-case-system', now(), now(), 1) RETURNING *`,
        [id, BRIEF_INFORMATION, JSON.stringify(IDENTIFIERS)],
      );
      const occurredAt = new Date().toISOString();
      const envelope = {
        eventId: randomUUID(),
        type: 'case-intake.case.created',
        version: 2,
        occurredAt,
        correlationId: randomUUID(),
        producer: 'case-intake',
        aggregateId: id,
        actor: { subject: 'wy-case-system', kind: 'client', organisationCode: 'QWO', tier: 'icb' },
        payload: {
          caseId: id,
          version: 1,
          organisationCode: 'QWO',
          regionCode: 'Y63',
          subIcbLocationCode: null,
          reviewType: 'RAPID_REVIEW',
          incidentDate: '2026-03-02',
          dateAdded: '2026-03-04',
          subjectGroup: 'CHILD',
          ageBand: 'AGE_5_10',
          themes: ['NEGLECT', 'EMOTIONAL'],
          setting: 'OWN_HOME',
          designatedProfessional: 'DESIGNATED_NURSE_CHILDREN',
          partnershipId: null,
          identifiers: IDENTIFIERS,
          withdrawn: false,
          createdAt: occurredAt,
          updatedAt: occurredAt,
        },
      };
      await client.query(
        `WITH inserted AS (
           INSERT INTO ${SCHEMA}.outbox_event (id, topic, message_key, envelope, headers, created_at) VALUES ($1::uuid, $2, $3, $4::jsonb, $5::jsonb, clock_timestamp()) RETURNING id
         )
         SELECT pg_notify('${SCHEMA}_outbox', '') FROM inserted`,
        [envelope.eventId, 'case-intake.case.created.v2', id, JSON.stringify(envelope), JSON.stringify({ 'x-correlation-id': envelope.correlationId, 'x-event-type': envelope.type, 'x-event-id': envelope.eventId })],
      );
      await audit(client, 'create', 'case', id);
      await client.query('COMMIT');
      caseIds.push(id);
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** primary-key select, then the audit row. */
  async function readCase() {
    const id = caseIds[Math.floor(Math.random() * caseIds.length)];
    const client = await pool.connect();
    try {
      await client.query(`SELECT * FROM ${SCHEMA}.case_record WHERE id = $1::uuid LIMIT 1`, [id]);
      await audit(client, 'read', 'case', id);
      return true;
    } finally {
      client.release();
    }
  }

  /** the caseload aggregate over the warehouse for one ICB, then the audit row. */
  async function caseload() {
    const client = await pool.connect();
    try {
      await client.query(
        `SELECT region_code, organisation_code, review_type, count(*)::int AS cases FROM reporting.case_fact
         WHERE organisation_code = $1 GROUP BY region_code, organisation_code, review_type ORDER BY 1, 2, 3`,
        ['QWO'],
      );
      await audit(client, 'read', 'caseload-report', null, 'user');
      return true;
    } finally {
      client.release();
    }
  }

  return {
    operations: { 'record a case': createCase, 'read a case by id': readCase, 'caseload report': caseload },
    close: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await pool.end();
    },
  };
}
