import { apiAsUser, type ApiClient } from '@scrt/testing';
import { todayInEngland } from '@scrt/working-days';
import { countRows, expectProblem } from './support.js';

const BASE = '/api/v1/reference-data';

const auditCount = (resourceType: string, action: string, resourceId?: string) =>
  countRows('refdata.audit_event', `resource_type = $1 AND action = $2 AND ($3::text IS NULL OR resource_id = $3) AND actor_subject IS NOT NULL`, [resourceType, action, resourceId ?? null]);

describe('reference data: calendar, timescales and safeguarding partnerships through the gateway', () => {
  let admin: ApiClient;
  let reader: ApiClient;

  beforeAll(async () => {
    [admin, reader] = await Promise.all([apiAsUser('refdata.admin'), apiAsUser('icb.input')]);
  });

  describe('calendar', () => {
    it('lists the England and Wales bank holidays of 2018 to 2030, with substitute days', async () => {
      const year = await reader.get<{ items: { date: string; substituteFor: string | null }[] }>(`${BASE}/calendar/bank-holidays?fromYear=2026`);
      expect(year.status).toBe(200);
      expect(year.body.items.map((holiday) => holiday.date)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
      expect(year.body.items.at(-1)?.substituteFor).toBe('2026-12-26');
      const all = await reader.get<{ items: unknown[] }>(`${BASE}/calendar/bank-holidays?fromYear=2018&toYear=2030`);
      expect(all.body.items).toHaveLength(107);
      expectProblem(await reader.get(`${BASE}/calendar/bank-holidays?fromYear=2027&toYear=2026`), 400, 'VALIDATION_FAILED', 'toYear');
    });

    it('answers the bank holidays and the timescales with a strong ETag and Cache-Control, and 304 to If-None-Match', async () => {
      for (const path of [`${BASE}/calendar/bank-holidays?fromYear=2019`, `${BASE}/timescales?version=1`]) {
        const first = await reader.get(path);
        const etag = first.headers.get('etag')!;
        expect(etag).toMatch(/^"[^"]+"$/);
        expect(first.headers.get('cache-control')).toBe('private, max-age=60');
        const again = await reader.get(path, { 'if-none-match': etag });
        expect(again.status).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
        expect((await reader.get(path, { 'if-none-match': '"stale"' })).status).toBe(200);
      }
      const otherYear = await reader.get(`${BASE}/calendar/bank-holidays?fromYear=2020`);
      expect(otherYear.headers.get('etag')).not.toBe((await reader.get(`${BASE}/calendar/bank-holidays?fromYear=2019`)).headers.get('etag'));
      expect((await reader.get(`${BASE}/timescales?version=1`)).headers.get('etag')).toBe('"timescales.v1"');
    });

    it('adds and counts working days over Christmas 2026', async () => {
      const added = await reader.get(`${BASE}/calendar/working-days/add?from=2026-12-21&days=5`);
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ from: '2026-12-21', days: 5, date: '2026-12-30' });
      const counted = await reader.get(`${BASE}/calendar/working-days/count?from=2026-12-21&to=2026-12-30`);
      expect(counted.body).toMatchObject({ workingDays: 5 });
    });

    it('refuses bad input with problem+json naming the field', async () => {
      expectProblem(await reader.get(`${BASE}/calendar/working-days/add?from=2026-12-21&days=-1`), 400, 'VALIDATION_FAILED', 'days');
      expectProblem(await reader.get(`${BASE}/calendar/working-days/add?from=2026-02-30&days=1`), 400, 'VALIDATION_FAILED', 'from');
      expectProblem(await reader.get(`${BASE}/calendar/working-days/add?from=2031-01-06&days=1`), 400, 'DATE_OUT_OF_RANGE', 'from');
      expectProblem(await reader.get(`${BASE}/calendar/working-days/add?from=2030-12-20&days=30`), 400, 'DATE_OUT_OF_RANGE', 'days');
      expectProblem(await reader.get(`${BASE}/calendar/working-days/count?from=2017-12-29&to=2018-01-02`), 400, 'DATE_OUT_OF_RANGE', 'from');
    });

    it('lets an administrator add and remove a holiday, audited, and the calculation follows', async () => {
      // A date no document example uses: the API-wide checks write the examples' holiday too.
      const holiday = { date: '2029-06-01', name: 'Bank holiday for a royal occasion' };
      const auditedBefore = { create: await auditCount('bank-holiday', 'create', holiday.date), delete: await auditCount('bank-holiday', 'delete', holiday.date) };
      expectProblem(await reader.post(`${BASE}/calendar/bank-holidays`, holiday), 403, 'FORBIDDEN');

      const created = await admin.post(`${BASE}/calendar/bank-holidays`, holiday);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ ...holiday, substituteFor: null, source: 'admin' });
      expect(await auditCount('bank-holiday', 'create', holiday.date)).toBe(auditedBefore.create + 1);
      expect((await reader.get(`${BASE}/calendar/working-days/add?from=2029-05-31&days=1`)).body).toMatchObject({ date: '2029-06-04' });
      const again = await Promise.all([1, 2, 3].map(() => admin.post(`${BASE}/calendar/bank-holidays`, holiday)));
      for (const attempt of again) expectProblem(attempt, 409, 'BANK_HOLIDAY_EXISTS');
      expectProblem(await admin.post(`${BASE}/calendar/bank-holidays`, { date: '2029-06-02', name: 'Saturday' }), 400, 'VALIDATION_FAILED', 'date');

      expectProblem(await reader.request('DELETE', `${BASE}/calendar/bank-holidays/${holiday.date}`), 403, 'FORBIDDEN');
      expect((await admin.request('DELETE', `${BASE}/calendar/bank-holidays/${holiday.date}`)).status).toBe(204);
      expect(await auditCount('bank-holiday', 'delete', holiday.date)).toBe(auditedBefore.delete + 1);
      expect((await reader.get(`${BASE}/calendar/working-days/add?from=2029-05-31&days=1`)).body).toMatchObject({ date: '2029-06-01' });
      expectProblem(await admin.request('DELETE', `${BASE}/calendar/bank-holidays/${holiday.date}`), 404, 'BANK_HOLIDAY_NOT_FOUND');
    });

    it('adds a holiday once when administrators ask at the same time: the others get 409, never 500', async () => {
      const holiday = { date: '2028-06-02', name: 'Concurrent holiday' };
      const attempts = await Promise.all(Array.from({ length: 5 }, () => admin.post(`${BASE}/calendar/bank-holidays`, holiday)));
      expect(attempts.map((attempt) => attempt.status).sort()).toEqual([201, 409, 409, 409, 409]);
      expect((await admin.request('DELETE', `${BASE}/calendar/bank-holidays/2028-06-02`)).status).toBe(204);
    });
  });

  describe('timescales', () => {
    it('answers the rapid review target and its due date from the seeded defaults', async () => {
      const inForce = await reader.get<{ version: number; targets: { reviewType: string; stage: string; amount: number; unit: string; startEvent: string }[] }>(`${BASE}/timescales`);
      expect(inForce.status).toBe(200);
      expect(inForce.body.targets).toContainEqual(expect.objectContaining({ reviewType: 'RAPID_REVIEW', stage: 'RAPID_REVIEW', amount: 15, unit: 'working_days', startEvent: 'NOTIFICATION' }));
      expect(inForce.body.targets).toContainEqual(expect.objectContaining({ reviewType: 'CSPR_LOCAL', stage: 'REVIEW', amount: 6, unit: 'calendar_months', startEvent: 'DECISION' }));

      const rapid = await reader.get(`${BASE}/timescales/target?reviewType=RAPID_REVIEW&stage=RAPID_REVIEW&from=2026-12-21`);
      expect(rapid.body).toMatchObject({ amount: 15, unit: 'working_days', scope: 'national', dueDate: '2027-01-14' });
      const cspr = await reader.get(`${BASE}/timescales/target?reviewType=CSPR_LOCAL&stage=REVIEW&from=2026-08-31`);
      expect(cspr.body).toMatchObject({ dueDate: '2027-02-28' });

      expectProblem(await reader.get(`${BASE}/timescales/target?reviewType=UNKNOWN&stage=REVIEW`), 400, 'VALIDATION_FAILED', 'reviewType');
      expectProblem(await reader.get(`${BASE}/timescales/target?reviewType=OTHER&stage=REVIEW`), 404, 'TIMESCALE_TARGET_NOT_FOUND');
      expectProblem(await reader.get(`${BASE}/timescales?asAt=2017-12-31`), 404, 'TIMESCALE_VERSION_NOT_FOUND');
    });

    it('publishes an ICB override through a draft; earlier versions stay readable; every change audited', async () => {
      expectProblem(await reader.post(`${BASE}/timescales/draft`, {}), 403, 'FORBIDDEN');
      const draft = await admin.post<{ version: number; status: string; targets: unknown[] }>(`${BASE}/timescales/draft`, {});
      expect(draft.status).toBe(201);
      expect(draft.body.status).toBe('draft');
      expect(draft.body.targets.length).toBeGreaterThan(0);
      expectProblem(await admin.post(`${BASE}/timescales/draft`, {}), 409, 'TIMESCALE_DRAFT_EXISTS');

      const override = { reviewType: 'SAR', stage: 'REVIEW', icbOdsCode: 'QWO', amount: 9, unit: 'calendar_months', startEvent: 'DECISION' };
      expectProblem(await admin.request('PUT', `${BASE}/timescales/draft/targets`, { body: { ...override, icbOdsCode: 'Y63' } }), 400, 'VALIDATION_FAILED', 'icbOdsCode');
      expectProblem(await admin.request('PUT', `${BASE}/timescales/draft/targets`, { body: { ...override, amount: -3 } }), 400, 'VALIDATION_FAILED', 'amount');
      expectProblem(await admin.request('PUT', `${BASE}/timescales/draft/targets`, { body: { ...override, reviewType: 'SOMETHING' } }), 400, 'VALIDATION_FAILED', 'reviewType');
      expect((await admin.request('PUT', `${BASE}/timescales/draft/targets`, { body: override })).status).toBe(200);

      // Not yet published: the version in force answers the national default.
      expect((await reader.get(`${BASE}/timescales/target?reviewType=SAR&stage=REVIEW&icbOdsCode=QWO`)).body).toMatchObject({ amount: 6, scope: 'national' });
      expectProblem(await admin.post(`${BASE}/timescales/draft/publish`, { effectiveFrom: '2020-01-01' }), 400, 'VALIDATION_FAILED', 'effectiveFrom');
      const today = todayInEngland();
      const published = await admin.post<{ version: number; status: string; effectiveFrom: string }>(`${BASE}/timescales/draft/publish`, { effectiveFrom: today });
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ version: draft.body.version, status: 'published', effectiveFrom: today });

      expect((await reader.get(`${BASE}/timescales/target?reviewType=SAR&stage=REVIEW&icbOdsCode=QWO`)).body).toMatchObject({ amount: 9, scope: 'icb', version: draft.body.version });
      expect((await reader.get(`${BASE}/timescales/target?reviewType=SAR&stage=REVIEW&icbOdsCode=QMJ`)).body).toMatchObject({ amount: 6, scope: 'national' });
      expect((await reader.get(`${BASE}/timescales/target?reviewType=SAR&stage=REVIEW&icbOdsCode=QWO&asAt=2025-01-01`)).body).toMatchObject({ amount: 6, version: 1 });
      const first = await reader.get<{ targets: { icbOdsCode: string | null }[] }>(`${BASE}/timescales?version=1`);
      expect(first.body.targets.every((target) => target.icbOdsCode === null)).toBe(true);
      // Other tests (the API-wide checks) may have drafted and discarded versions too: look at ours.
      const versions = await reader.get<{ items: { version: number; status: string }[] }>(`${BASE}/timescales/versions`);
      const publishedVersions = versions.body.items.filter((item) => item.status === 'published').map((item) => item.version);
      expect(publishedVersions).toEqual(expect.arrayContaining([1, draft.body.version]));
      expect(versions.body.items.filter((item) => item.status === 'draft')).toEqual([]);
      expectProblem(await admin.post(`${BASE}/timescales/draft/publish`, { effectiveFrom: today }), 404, 'TIMESCALE_DRAFT_NOT_FOUND');

      expect(await auditCount('timescales', 'create', `draft:${draft.body.version}`)).toBe(1);
      expect(await auditCount('timescales', 'update', `draft:${draft.body.version}:SAR:REVIEW:QWO`)).toBe(1);
      expect(await auditCount('timescales', 'publish', `version:${draft.body.version}`)).toBe(1);
    });

    it('starts one draft when administrators ask at the same time: the others get 409, never 500', async () => {
      const attempts = await Promise.all(Array.from({ length: 5 }, () => admin.post(`${BASE}/timescales/draft`, {})));
      expect(attempts.map((attempt) => attempt.status).sort()).toEqual([201, 409, 409, 409, 409]);
      expect((await admin.request('DELETE', `${BASE}/timescales/draft`)).status).toBe(204);
    });

    it('removes a target from a draft and discards the draft, audited; nothing of it is ever in force', async () => {
      const draft = await admin.post<{ version: number }>(`${BASE}/timescales/draft`, {});
      expect(draft.status).toBe(201);
      const key = 'reviewType=DHR_CHILD&stage=REVIEW';
      const removed = await admin.request<{ targets: { reviewType: string }[] }>('DELETE', `${BASE}/timescales/draft/targets?${key}`);
      expect(removed.status).toBe(200);
      expect(removed.body.targets.map((target) => target.reviewType)).not.toContain('DHR_CHILD');
      expectProblem(await admin.request('DELETE', `${BASE}/timescales/draft/targets?${key}`), 404, 'TIMESCALE_TARGET_NOT_FOUND');
      expectProblem(await reader.request('DELETE', `${BASE}/timescales/draft`), 403, 'FORBIDDEN');
      expect((await admin.request('DELETE', `${BASE}/timescales/draft`)).status).toBe(204);
      expectProblem(await admin.get(`${BASE}/timescales/draft`), 404, 'TIMESCALE_DRAFT_NOT_FOUND');
      expect((await reader.get(`${BASE}/timescales/target?${key}`)).body).toMatchObject({ amount: 6 });
      expect(await auditCount('timescales', 'delete', `draft:${draft.body.version}:DHR_CHILD:REVIEW:national`)).toBe(1);
      expect(await auditCount('timescales', 'delete', `draft:${draft.body.version}`)).toBe(1);
      const versions = await reader.get<{ items: { version: number; status: string }[] }>(`${BASE}/timescales/versions`);
      expect(versions.body.items.at(-1)).toMatchObject({ version: draft.body.version, status: 'discarded' });
    });
  });

  describe('safeguarding partnerships', () => {
    const HEADER = 'name,kind,local_authorities,icb_ods_codes,effective_from,effective_to';

    it('creates, changes and ends a partnership, each change audited; a reader cannot', async () => {
      const partnership = { name: 'Test Leeds Safeguarding Adults Board', kind: 'SAB', localAuthorities: ['Leeds'], icbOdsCodes: ['QWO'], effectiveFrom: '2019-04-01' };
      expectProblem(await reader.post(`${BASE}/partnerships`, partnership), 403, 'FORBIDDEN');
      expectProblem(await admin.post(`${BASE}/partnerships`, { ...partnership, icbOdsCodes: ['QZZ'] }), 400, 'VALIDATION_FAILED', 'icbOdsCodes');
      expectProblem(await admin.post(`${BASE}/partnerships`, { ...partnership, kind: 'BOARD' }), 400, 'VALIDATION_FAILED', 'kind');

      const created = await admin.post<{ id: string; version: number }>(`${BASE}/partnerships`, partnership);
      expect(created.status).toBe(201);
      expect(await auditCount('safeguarding-partnership', 'create', created.body.id)).toBe(1);
      expectProblem(await admin.post(`${BASE}/partnerships`, partnership), 400, 'VALIDATION_FAILED', 'name');

      const listed = await reader.get<{ items: { id: string }[] }>(`${BASE}/partnerships?icb=QWO&kind=SAB&asAt=2026-12-01`);
      expect(listed.body.items.map((item) => item.id)).toContain(created.body.id);

      expectProblem(await reader.request('PATCH', `${BASE}/partnerships/${created.body.id}`, { body: { name: 'x' } }), 403, 'FORBIDDEN');
      const renamed = await admin.request('PATCH', `${BASE}/partnerships/${created.body.id}`, { body: { localAuthorities: ['Leeds', 'Wakefield'] } });
      expect(renamed.body).toMatchObject({ localAuthorities: ['Leeds', 'Wakefield'], version: 2 });

      expectProblem(await admin.post(`${BASE}/partnerships/${created.body.id}/end`, { effectiveTo: '2018-01-01' }), 400, 'VALIDATION_FAILED', 'effectiveTo');
      const ended = await admin.post(`${BASE}/partnerships/${created.body.id}/end`, { effectiveTo: '2027-03-31' });
      expect(ended.body).toMatchObject({ effectiveTo: '2027-03-31', version: 3 });
      expectProblem(await admin.post(`${BASE}/partnerships/${created.body.id}/end`, { effectiveTo: '2027-04-30' }), 409, 'PARTNERSHIP_ENDED');
      expect((await reader.get<{ items: { id: string }[] }>(`${BASE}/partnerships?asAt=2027-04-01`)).body.items.map((item) => item.id)).not.toContain(created.body.id);
      expect(await auditCount('safeguarding-partnership', 'update', created.body.id)).toBe(2);
      expectProblem(await reader.get(`${BASE}/partnerships/00000000-0000-4000-8000-000000000000`), 404, 'PARTNERSHIP_NOT_FOUND');
    });

    it('imports CSV all or nothing: a dry run reports every bad row by line and column and changes nothing', async () => {
      const bad = [HEADER, 'Test Kirklees CSP,CSP,Kirklees,QWO,2020-04-01,', 'Test Bad Row,XYZ,Leeds,QWO,2020-02-30,', 'Test Unknown ICB,LSCP,Leeds,QZZ,2020-04-01,2019-01-01'].join('\n');
      const before = await countRows('refdata.safeguarding_partnership');

      const dryRun = await admin.post<{ dryRun: boolean; rows: number; created: number; errors: { line: number; column: string; message: string }[] }>(`${BASE}/partnerships/import?dryRun=true`, { csv: bad });
      expect(dryRun.status).toBe(200);
      expect(dryRun.body).toMatchObject({ dryRun: true, rows: 3, created: 0 });
      expect(dryRun.body.errors.map(({ line, column }) => `${line}:${column}`).sort()).toEqual(['3:effective_from', '3:kind', '4:effective_to', '4:icb_ods_codes']);
      expect(dryRun.body.errors.every((error) => error.message.length > 0)).toBe(true);

      const refused = expectProblem(await admin.post(`${BASE}/partnerships/import`, { csv: bad }), 400, 'CSV_INVALID', 'line 3, kind');
      expect(refused.errors).toContainEqual(expect.objectContaining({ line: 4, column: 'icb_ods_codes', code: 'UNKNOWN_ICB' }));
      expect(await countRows('refdata.safeguarding_partnership')).toBe(before);
      expectProblem(await reader.post(`${BASE}/partnerships/import?dryRun=true`, { csv: bad }), 403, 'FORBIDDEN');

      const good = [HEADER, 'Test Kirklees CSP,CSP,Kirklees,QWO,2020-04-01,', '"Test Bradford, Calderdale LSCP",LSCP,Bradford;Calderdale,QWO,2019-09-29,'].join('\n');
      const goodDryRun = await admin.post(`${BASE}/partnerships/import?dryRun=true`, { csv: good });
      expect(goodDryRun.body).toMatchObject({ dryRun: true, rows: 2, created: 0, errors: [] });
      expect(await countRows('refdata.safeguarding_partnership')).toBe(before);

      const imported = await admin.post(`${BASE}/partnerships/import`, { csv: good });
      expect(imported.body).toMatchObject({ dryRun: false, rows: 2, created: 2, errors: [] });
      expect(await countRows('refdata.safeguarding_partnership')).toBe(before + 2);
      const bradford = await reader.get<{ items: { id: string; localAuthorities: string[] }[] }>(`${BASE}/partnerships?kind=LSCP&icb=QWO`);
      const row = bradford.body.items.find((item) => item.localAuthorities.includes('Calderdale'));
      expect(row?.localAuthorities).toEqual(['Bradford', 'Calderdale']);
      expect(await auditCount('safeguarding-partnership', 'create', row?.id)).toBe(1);
    });
  });
});
