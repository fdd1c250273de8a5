import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { Topics, type EventEnvelope } from '@scrt/contracts';
import { apiAsUser, appLogFile, caseInput, eventually, killApp, requiredEnv, startApp, waitReady, type ApiClient, type ApiResponse, queryTestDatabase } from '@scrt/testing';
import { todayInEngland } from '@scrt/working-days';
import { HEADER } from '../apps/reference-data/src/organisations/import/merger-fixture.js';
import { countRows } from './support.js';

const CASES = '/api/v1/cases';
/** Sub-ICB locations made for this file: one of West Yorkshire ICB (QWO), one of Humber and North Yorkshire ICB (QOQ). */
const [OWN_SUB_ICB, OTHER_SUB_ICB] = ['ZQ1', 'ZQ2'];
/** Personal data planted in free text: none of it may be stored, logged, audited or published. */
const NHS_NUMBER = '943 476 5919';
const E_MAIL = 'jo.bloggs@example.org';

interface CaseBody {
  id: string;
  version: number;
  status: string;
  withdrawal: { at: string; by: string; reason: string } | null;
  personalDataWarnings: { field: string; kind: string; start: number; end: number }[];
  [item: string]: unknown;
}
interface ProblemBody {
  code: string;
  errors?: { field: string; pointer: string; code: string; message: string }[];
}

const problemOf = (response: ApiResponse) => response.body as unknown as ProblemBody;
const locations = (response: ApiResponse) => (problemOf(response).errors ?? []).map((error) => `${error.pointer} ${error.code}`);
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const dayAfter = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Every event of a topic about one case, read from the beginning with a fresh consumer group. */
async function caseEvents(topic: string, caseId: string, expected: number): Promise<EventEnvelope<Record<string, unknown>>[]> {
  const kafka = new Kafka({ clientId: 'e2e-case-record', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `e2e-case-record-${topic}-${randomUUID()}` });
  const found: EventEnvelope<Record<string, unknown>>[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === caseId) found.push(JSON.parse(message.value!.toString()) as EventEnvelope<Record<string, unknown>>);
      },
    });
    await eventually(() => found.length >= expected, `${expected} event(s) of case ${caseId} on ${topic}`, 30_000);
    return found;
  } finally {
    await consumer.disconnect();
  }
}

describe('the case record: every item, every rule, change with If-Match, history, withdrawal, events', () => {
  let input: ApiClient;
  let otherIcb: ApiClient;
  let partnershipId: string;

  beforeAll(async () => {
    const admin = await apiAsUser('refdata.admin');
    [input, otherIcb] = await Promise.all([apiAsUser('icb.input'), apiAsUser('icb.input.qoq')]);
    const subIcbs = `${HEADER}\n${OWN_SUB_ICB},Case record test place,sub_icb,QWO,2023-01-01,,\n${OTHER_SUB_ICB},Case record test place elsewhere,sub_icb,QOQ,2023-01-01,,`;
    expect((await admin.post('/api/v1/reference-data/organisations/changes', { csv: subIcbs })).status).toBe(200);
    const partnership = await admin.post<{ id: string }>('/api/v1/reference-data/partnerships', {
      name: `Case Record Test Partnership ${Date.now()}`,
      kind: 'LSCP',
      localAuthorities: ['Leeds'],
      icbOdsCodes: ['QWO'],
      effectiveFrom: '2019-04-01',
    });
    expect(partnership.status).toBe(201);
    partnershipId = partnership.body.id;
    await eventually(async () => (await countRows('intake.reference_partnership', 'id = $1', [partnershipId])) === 1, 'the partnership in case-intake\'s copy');
    await eventually(async () => (await countRows('intake.reference_organisation', 'ods_code = ANY($1)', [[OWN_SUB_ICB, OTHER_SUB_ICB]])) === 2, 'the sub-ICB locations in case-intake\'s copy');
  });

  const fullRecord = () =>
    caseInput({
      reviewType: 'CSPR_LOCAL',
      incidentDate: '2026-03-02',
      dateAdded: '2026-03-04',
      themes: ['NEGLECT', 'EMOTIONAL', 'PHYSICAL'],
      identifiers: [
        { type: 'STEIS', value: '2026/4711' },
        { type: 'LOCAL', value: 'WY-0042' },
      ],
      partnershipId,
      partnershipName: 'Leeds Safeguarding Children Partnership',
      locality: 'Leeds',
      comments: 'Escalated from a rapid review.',
      subIcbLocationCode: OWN_SUB_ICB,
    });

  it('records every item of the case and reads it back, the organisation from the token', async () => {
    const body = fullRecord();
    const created = await input.post<CaseBody>(CASES, { ...body, organisationCode: 'QMJ' });
    expect(created.status).toBe(400);
    expect(locations(created)).toEqual(['/organisationCode UNKNOWN_FIELD']);

    const recorded = await input.post<CaseBody>(CASES, body);
    expect(recorded.status).toBe(201);
    expect(recorded.headers.get('etag')).toBe('"1"');
    expect(recorded.body).toEqual({
      ...body,
      id: expect.any(String),
      organisationCode: 'QWO',
      regionCode: 'Y63',
      status: 'open',
      withdrawal: null,
      personalDataWarnings: [],
      createdAt: expect.any(String),
      createdBy: expect.any(String),
      updatedAt: recorded.body.createdAt,
      version: 1,
    });
    expect((await input.get(`${CASES}/${recorded.body.id}`)).body).toEqual(recorded.body);
    expect((await otherIcb.get(`${CASES}/${recorded.body.id}`)).status).toBe(404);
  });

  it('reports every problem of a body together, each by field, JSON pointer and stable code, and stores nothing', async () => {
    const before = await countRows('intake.case_record');
    const response = await input.post(CASES, {
      ...fullRecord(),
      reviewType: 'INQUEST',
      incidentDate: '2026-03-05',
      dateAdded: '2026-03-04',
      themes: ['NEGLECT', 'not a code'],
      briefInformation: '',
      identifiers: [
        { type: 'STEIS', value: '4711' },
        { type: 'PASSPORT', value: 'x' },
      ],
      partnershipId: randomUUID(),
      ageBand: 'AGE_25_64',
      setting: 'MOON',
      designatedProfessional: 'WIZARD',
      locality: 'x'.repeat(201),
      subIcbLocationCode: OTHER_SUB_ICB,
      patientName: 'x',
      constructor: 'x',
    });
    expect(response.status).toBe(400);
    expect(problemOf(response).code).toBe('VALIDATION_FAILED');
    expect(locations(response).sort()).toEqual(
      [
        '/ageBand AGE_BAND_NOT_IN_SUBJECT_GROUP',
        '/briefInformation IS_LENGTH',
        '/constructor UNKNOWN_FIELD',
        '/dateAdded DATES_OUT_OF_ORDER',
        '/designatedProfessional UNKNOWN_CODE',
        '/identifiers/0/value INVALID_STEIS_NUMBER',
        '/identifiers/1/type UNKNOWN_CODE',
        '/locality IS_LENGTH',
        '/partnershipId UNKNOWN_PARTNERSHIP',
        '/patientName UNKNOWN_FIELD',
        '/reviewType UNKNOWN_CODE',
        '/setting UNKNOWN_CODE',
        '/subIcbLocationCode SUB_ICB_LOCATION_OUTSIDE_ICB',
        '/themes MATCHES',
      ].sort(),
    );
    expect(await countRows('intake.case_record')).toBe(before);
  });

  it.each([
    ['dates in the future', { incidentDate: dayAfter(todayInEngland()), dateAdded: dayAfter(todayInEngland()) }, ['/incidentDate NOT_IN_THE_FUTURE', '/dateAdded NOT_IN_THE_FUTURE']],
    ['a repeated theme', { themes: ['NEGLECT', 'EMOTIONAL', 'NEGLECT'] }, ['/themes/2 DUPLICATE_THEME']],
    ['no theme 1', { themes: [] }, ['/themes ARRAY_MIN_SIZE']],
    ['four themes', { themes: ['NEGLECT', 'EMOTIONAL', 'PHYSICAL', 'SEXUAL'] }, ['/themes ARRAY_MAX_SIZE']],
    ['an unknown subject group', { subjectGroup: 'ALIEN', ageBand: null }, ['/subjectGroup UNKNOWN_CODE']],
    ['a sub-ICB location that is an ICB', { subIcbLocationCode: 'QOQ' }, ['/subIcbLocationCode UNKNOWN_SUB_ICB_LOCATION']],
    ['a sub-ICB location not yet open on the incident date', { incidentDate: '2022-12-01', dateAdded: '2022-12-02' }, ['/subIcbLocationCode UNKNOWN_SUB_ICB_LOCATION']],
    ['eleven identifiers', { identifiers: Array.from({ length: 11 }, (_unused, index) => ({ type: 'LOCAL', value: `L${index}` })) }, ['/identifiers ARRAY_MAX_SIZE']],
    ['comments too long', { comments: 'x'.repeat(4001) }, ['/comments MAX_LENGTH']],
  ])('refuses %s', async (_label, change, expected) => {
    const response = await input.post(CASES, { ...fullRecord(), ...change });
    expect(response.status).toBe(400);
    expect(locations(response)).toEqual(expected);
  });

  it('refuses personal data in free text with 422, naming field, kind and range, and the text reaches no log, audit record or table', async () => {
    const marker = `marker${Date.now().toString(36)}`;
    const response = await input.post(CASES, { ...fullRecord(), briefInformation: `Child NHS ${NHS_NUMBER} ${marker}`, comments: `Write to ${E_MAIL}` });
    expect(response.status).toBe(422);
    expect(problemOf(response).code).toBe('PERSONAL_DATA_DETECTED');
    expect(problemOf(response).errors).toEqual([
      { field: 'briefInformation', pointer: '/briefInformation', code: 'PERSONAL_DATA_NHS_NUMBER', message: 'briefInformation holds what looks like an NHS number at characters 10 to 22' },
      { field: 'comments', pointer: '/comments', code: 'PERSONAL_DATA_EMAIL_ADDRESS', message: 'comments holds what looks like an e-mail address at characters 9 to 30' },
    ]);
    for (const text of [NHS_NUMBER, E_MAIL, marker]) expect(JSON.stringify(response.body)).not.toContain(text);
    expect(await countRows('intake.case_record', 'brief_information LIKE $1', [`%${marker}%`])).toBe(0);
    expect(await countRows('intake.audit_event', "action = 'create' AND reason = 'PERSONAL_DATA_DETECTED'")).toBeGreaterThan(0);
    expect(await countRows('intake.audit_event', 'row_to_json(audit_event)::text LIKE ANY($1)', [[`%${NHS_NUMBER}%`, `%${E_MAIL}%`, `%${marker}%`]])).toBe(0);
    for (const app of ['case-intake', 'gateway'] as const) {
      const log = readFileSync(appLogFile(app), 'utf8');
      for (const text of [NHS_NUMBER, E_MAIL, marker]) expect(log).not.toContain(text);
    }
  });

  it('changes a case only with the current If-Match (428, 412), validates the result, keeps field-level history', async () => {
    const recorded = await input.post<CaseBody>(CASES, fullRecord());
    const path = `${CASES}/${recorded.body.id}`;
    const withoutPrecondition = await input.request('PATCH', path, { body: { setting: 'SCHOOL' } });
    expect([withoutPrecondition.status, problemOf(withoutPrecondition).code]).toEqual([428, 'PRECONDITION_REQUIRED']);

    const changed = await input.request<CaseBody>('PATCH', path, { body: { setting: 'SCHOOL', themes: ['PHYSICAL'], comments: null, ageBand: null }, headers: ifMatch(1) });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({ version: 2, setting: 'SCHOOL', themes: ['PHYSICAL'], comments: null, ageBand: null, reviewType: 'CSPR_LOCAL' });

    const stale = await input.request('PATCH', path, { body: { setting: 'OWN_HOME' }, headers: ifMatch(1) });
    expect([stale.status, problemOf(stale).code]).toEqual([412, 'VERSION_MISMATCH']);
    const invalid = await input.request('PATCH', path, { body: { themes: ['NEGLECT', 'NEGLECT'], briefInformation: null, dateAdded: '2026-03-01' }, headers: ifMatch(2) });
    expect(invalid.status).toBe(400);
    expect(locations(invalid).sort()).toEqual(['/briefInformation REQUIRED', '/dateAdded DATES_OUT_OF_ORDER', '/themes/1 DUPLICATE_THEME']);
    const unchanged = await input.request<CaseBody>('PATCH', path, { body: { setting: 'SCHOOL' }, headers: ifMatch(2) });
    expect([unchanged.status, unchanged.body.version]).toEqual([200, 2]);
    expect((await otherIcb.request('PATCH', path, { body: { setting: 'OWN_HOME' }, headers: ifMatch(2) })).status).toBe(404);

    const history = await input.get<{ items: { version: number; field: string; oldValue: unknown; newValue: unknown; changedBy: string; changedAt: string }[] }>(`${path}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map(({ version, field, oldValue, newValue }) => ({ version, field, oldValue, newValue }))).toEqual([
      { version: 2, field: 'ageBand', oldValue: 'AGE_5_10', newValue: null },
      { version: 2, field: 'comments', oldValue: 'Escalated from a rapid review.', newValue: null },
      { version: 2, field: 'setting', oldValue: 'OWN_HOME', newValue: 'SCHOOL' },
      { version: 2, field: 'themes', oldValue: ['NEGLECT', 'EMOTIONAL', 'PHYSICAL'], newValue: ['PHYSICAL'] },
    ]);
    expect(history.body.items.every((item) => item.changedBy === recorded.body.createdBy && item.changedAt === changed.body.updatedAt)).toBe(true);
    expect((await otherIcb.get(`${path}/history`)).status).toBe(404);
  });

  it('withdraws a case with a reason, never deleting it; a withdrawn case cannot be changed; events carry no free text; reporting drops it', async () => {
    const recorded = await input.post<CaseBody>(CASES, fullRecord());
    const path = `${CASES}/${recorded.body.id}`;
    const updated = await input.request<CaseBody>('PATCH', path, { body: { setting: 'HOSPITAL', comments: 'Chair appointed.' }, headers: ifMatch(1) });
    expect(updated.status).toBe(200);
    expect((await input.post(`${path}/withdrawal`, { reason: 'Recorded twice.' })).status).toBe(428);
    expect((await input.post(`${path}/withdrawal`, { reason: '' }, ifMatch(2))).status).toBe(400);

    const withdrawn = await input.post<CaseBody>(`${path}/withdrawal`, { reason: 'Recorded twice.' }, ifMatch(2));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', version: 3, withdrawal: { reason: 'Recorded twice.', by: recorded.body.createdBy } });
    expect((await input.get<CaseBody>(path)).body.status).toBe('withdrawn');
    const change = await input.request('PATCH', path, { body: { setting: 'OWN_HOME' }, headers: ifMatch(3) });
    expect([change.status, problemOf(change).code]).toEqual([409, 'CASE_WITHDRAWN']);
    expect((await input.post<CaseBody>(`${path}/withdrawal`, { reason: 'Again.' }, ifMatch(3))).body.withdrawal?.reason).toBe('Recorded twice.');
    expect((await input.get<{ items: { field: string; newValue: unknown }[] }>(`${path}/history`)).body.items.at(-1)).toMatchObject({ field: 'status', newValue: 'withdrawn' });

    const [created] = await caseEvents(Topics.caseCreatedV2, recorded.body.id, 1);
    const [changedEvent] = await caseEvents(Topics.caseUpdatedV1, recorded.body.id, 1);
    const [withdrawnEvent] = await caseEvents(Topics.caseWithdrawnV1, recorded.body.id, 1);
    expect(created).toMatchObject({ type: 'case-intake.case.created', version: 2, aggregateId: recorded.body.id });
    expect(created.payload).toEqual({
      caseId: recorded.body.id,
      version: 1,
      organisationCode: 'QWO',
      regionCode: 'Y63',
      subIcbLocationCode: OWN_SUB_ICB,
      reviewType: 'CSPR_LOCAL',
      incidentDate: '2026-03-02',
      dateAdded: '2026-03-04',
      subjectGroup: 'CHILD',
      ageBand: 'AGE_5_10',
      themes: ['NEGLECT', 'EMOTIONAL', 'PHYSICAL'],
      setting: 'OWN_HOME',
      designatedProfessional: 'DESIGNATED_NURSE_CHILDREN',
      partnershipId,
      identifiers: [
        { type: 'STEIS', value: '2026/4711' },
        { type: 'LOCAL', value: 'WY-0042' },
      ],
      withdrawn: false,
      createdAt: recorded.body.createdAt,
      updatedAt: recorded.body.createdAt,
    });
    expect(changedEvent.payload).toMatchObject({ changedFields: ['setting', 'comments'], case: { version: 2, setting: 'HOSPITAL' } });
    expect(withdrawnEvent.payload).toMatchObject({ withdrawnAt: withdrawn.body.withdrawal!.at, case: { version: 3, withdrawn: true } });
    const published = JSON.stringify([created, changedEvent, withdrawnEvent]);
    for (const text of [recorded.body.briefInformation as string, 'Escalated from a rapid review.', 'Chair appointed.', 'Recorded twice.', 'Leeds Safeguarding Children Partnership']) {
      expect(published).not.toContain(text);
    }
    expect(await countRows('intake.case_record', 'id = $1', [recorded.body.id])).toBe(1);
    expect(await countRows('intake.audit_event', "resource_id = $1 AND action IN ('create', 'update') AND outcome = 'success'", [recorded.body.id])).toBe(3);

    await eventually(async () => {
      const [fact] = await queryTestDatabase<{ version: number; withdrawn: boolean }>('SELECT version, withdrawn FROM reporting.case_fact WHERE case_id = $1', [recorded.body.id]);
      return fact?.version === 3 && fact.withdrawn;
    }, 'the withdrawn case out of the caseload');
  });

  describe('with PERSONAL_DATA_POLICY=warn', () => {
    beforeAll(async () => {
      await killApp('case-intake');
      await startApp('case-intake', { PERSONAL_DATA_POLICY: 'warn' });
      await waitReady('case-intake');
    });

    afterAll(async () => {
      await killApp('case-intake');
      await startApp('case-intake');
      await waitReady('case-intake');
    });

    it('accepts free text that looks like personal data and records where, never what', async () => {
      const brief = 'Seen at LS1 4AP, DOB 12/03/2015.';
      const recorded = await input.post<CaseBody>(CASES, { ...fullRecord(), briefInformation: brief });
      expect(recorded.status).toBe(201);
      expect(recorded.body.personalDataWarnings).toEqual([
        { field: 'briefInformation', kind: 'postcode', start: 8, end: 15 },
        { field: 'briefInformation', kind: 'date-of-birth', start: 17, end: 31 },
      ]);
      const [event] = await caseEvents(Topics.caseCreatedV2, recorded.body.id, 1);
      expect(JSON.stringify(event)).not.toContain('LS1 4AP');
      const withdrawn = await input.post<CaseBody>(`${CASES}/${recorded.body.id}/withdrawal`, { reason: 'Duplicate, call 07700 900123' }, ifMatch(1));
      expect(withdrawn.body.personalDataWarnings).toContainEqual({ field: 'withdrawal.reason', kind: 'phone-number', start: 16, end: 28 });
    });
  });
});
