import { caseInput, apiAsUser, eventually, killApp, requiredEnv, startApp, waitReady, type ApiClient, queryTestDatabase } from '@scrt/testing';
import { todayInEngland } from '@scrt/working-days';
import { countRows, expectProblem } from './support.js';

const LISTS = '/api/v1/reference-data/code-lists';

interface Code {
  code: string;
  label: string;
  deprecated: boolean;
  parentCode: string | null;
}
interface Version {
  version: number;
  status: string;
  effectiveFrom: string | null;
  codes: Code[];
}

describe('reference data: versioned code lists through the gateway, and case-intake\'s local copy', () => {
  let admin: ApiClient;
  let reader: ApiClient;

  beforeAll(async () => {
    [admin, reader] = await Promise.all([apiAsUser('refdata.admin'), apiAsUser('icb.input')]);
  });

  it('lists every seeded list and reads one as in force now, by date and by version', async () => {
    const lists = await reader.get<{ items: { code: string; versionInForce: number | null }[] }>(LISTS);
    expect(lists.status).toBe(200);
    expect(lists.body.items).toHaveLength(15);
    expect(lists.body.items.every((list) => list.versionInForce !== null)).toBe(true);
    const reviewTypes = await reader.get<Version>(`${LISTS}/review-types`);
    expect(reviewTypes.status).toBe(200);
    expect(reviewTypes.body.codes.map((code) => code.code)).toEqual(expect.arrayContaining(['RAPID_REVIEW', 'CSPR_LOCAL', 'CSPR_NATIONAL', 'SAR', 'DHR', 'DHR_CHILD', 'OTHER']));
    expect((await reader.get<Version>(`${LISTS}/review-types?asAt=2018-01-01`)).body.version).toBe(1);
    expect((await reader.get<Version>(`${LISTS}/age-bands?version=1`)).body.codes.find((code) => code.code === 'UNDER_1')?.parentCode).toBe('CHILD');
    expectProblem(await reader.get(`${LISTS}/review-types?asAt=2017-12-31`), 404, 'CODE_LIST_NOT_FOUND');
    expectProblem(await reader.get(`${LISTS}/no-such-list`), 404, 'CODE_LIST_NOT_FOUND');
    expectProblem(await reader.get(`${LISTS}/review-types?version=0`), 400, 'VALIDATION_FAILED', 'version');
  });

  it('answers with a strong ETag and Cache-Control, and 304 to If-None-Match', async () => {
    const first = await reader.get(`${LISTS}/abuse-themes`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, max-age=60');
    const again = await reader.get(`${LISTS}/abuse-themes`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await reader.get(`${LISTS}/abuse-themes`, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('lets only reference-data:manage change a list; codes are deprecated, never removed; history and diff', async () => {
    const list = `${LISTS}/pause-reasons`;
    const etagBefore = (await reader.get(list)).headers.get('etag')!;
    expectProblem(await reader.post(`${list}/drafts`, {}), 403, 'FORBIDDEN');
    const draft = await admin.post<Version>(`${list}/drafts`, {});
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    expectProblem(await admin.post(`${list}/drafts`, {}), 409, 'CODE_LIST_DRAFT_EXISTS');

    const added = await admin.request<Version>('PUT', `${list}/draft/codes/SECTION_42_ENQUIRY`, { body: { label: 'Awaiting a section 42 safeguarding enquiry' } });
    expect(added.status).toBe(200);
    expect(added.body.codes.map((code) => code.code)).toContain('SECTION_42_ENQUIRY');
    expectProblem(await admin.request('PUT', `${list}/draft/codes/SECTION_42_ENQUIRY`, { body: { label: 'Enquiry', parentCode: 'NOWHERE' } }), 400, 'VALIDATION_FAILED', 'parentCode');
    expect((await admin.request('DELETE', `${list}/draft/codes/CORONER`)).status).toBeGreaterThanOrEqual(400);
    expect((await admin.request('PUT', `${list}/draft/codes/CORONER`, { body: { label: "Awaiting coroner's inquest", deprecated: true } })).status).toBe(200);

    const dryRun = await admin.post<{ errors: { line: number; column: string }[]; applied: number }>(`${list}/draft/import?dryRun=true`, {
      csv: 'code,label,sort_order\nHEALTH_INVESTIGATION,Awaiting a patient safety investigation,500\nbad,Bad,x\n',
    });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.applied).toBe(0);
    expect(dryRun.body.errors.map((error) => [error.line, error.column])).toEqual([[3, 'code'], [3, 'sort_order']]);
    expect((await admin.get<Version>(`${list}/versions/draft`)).body.codes.map((code) => code.code)).not.toContain('HEALTH_INVESTIGATION');
    expectProblem(await admin.post(`${list}/draft/import`, { csv: 'code,label\nbad,Bad\n' }), 400, 'CSV_INVALID');
    const imported = await admin.post<{ applied: number }>(`${list}/draft/import`, { csv: 'code,label,sort_order\nHEALTH_INVESTIGATION,Awaiting a patient safety investigation,500\n' });
    expect(imported.body.applied).toBe(1);

    expectProblem(await admin.post(`${list}/draft/publish`, { effectiveFrom: '2020-01-01' }), 400, 'VALIDATION_FAILED', 'effectiveFrom');
    const published = await admin.post<Version>(`${list}/draft/publish`, { effectiveFrom: todayInEngland() });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const current = await reader.get<Version>(list, { 'if-none-match': etagBefore });
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).not.toBe(etagBefore);
    expect(current.body.version).toBe(draft.body.version);
    expect(current.body.codes.find((code) => code.code === 'CORONER')?.deprecated).toBe(true);
    expect((await reader.get<Version>(`${list}?version=1`)).body.codes.find((code) => code.code === 'CORONER')?.deprecated).toBe(false);

    const diff = await reader.get<{ added: Code[]; removed: Code[]; changed: { after: Code }[] }>(`${list}/diff?from=1&to=${draft.body.version}`);
    expect(diff.body.added.map((code) => code.code).sort()).toEqual(['HEALTH_INVESTIGATION', 'SECTION_42_ENQUIRY']);
    expect(diff.body.removed).toEqual([]);
    expect(diff.body.changed.map((change) => change.after.code)).toEqual(['CORONER']);

    const history = await reader.get<{ versions: Version[]; changes: { action: string; actorSubject: string }[] }>(`${list}/history`);
    expect(history.body.versions.map((version) => version.status)).toEqual(['published', 'published']);
    expect(history.body.changes.map((change) => change.action)).toEqual(['create', 'update', 'update', 'update', 'publish']);
    expect(history.body.changes.every((change) => change.actorSubject)).toBe(true);

    // The database keeps a published version as it was, whatever a statement tries.
    await queryTestDatabase(`UPDATE refdata.code_list_entry SET label = 'changed', deprecated = true WHERE list_code = 'pause-reasons' AND version = 1`);
    await queryTestDatabase(`DELETE FROM refdata.code_list_entry WHERE list_code = 'pause-reasons' AND version = 1`);
    await queryTestDatabase(`UPDATE refdata.code_list_version SET status = 'draft' WHERE list_code = 'pause-reasons' AND version = 1`);
    expect(await countRows('refdata.code_list_entry', `list_code = 'pause-reasons' AND version = 1 AND label <> 'changed' AND NOT deprecated`)).toBe(6);
    expect(await countRows('refdata.code_list_version', `list_code = 'pause-reasons' AND version = 1 AND status = 'published'`)).toBe(1);

    // Without a draft, the first edit starts one; a discarded draft keeps its number.
    const edited = await admin.request<Version>('PUT', `${list}/draft/codes/OTHER`, { body: { label: 'Other reason' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', version: draft.body.version + 1 });
    expect((await admin.request('DELETE', `${list}/versions/draft`)).status).toBe(204);
    expect((await admin.post<Version>(`${list}/drafts`, {})).body.version).toBe(draft.body.version + 2);
    expect((await admin.request('DELETE', `${list}/versions/draft`)).status).toBe(204);
    expectProblem(await reader.get(`${list}?version=${draft.body.version + 1}`), 404, 'CODE_LIST_NOT_FOUND');
  });

  it('exports any version as CSV that the import reads back without a problem', async () => {
    const response = await fetch(new URL(`${LISTS}/age-bands/csv?version=1`, requiredEnv('SCRT_TEST_GATEWAY_URL')), { headers: { authorization: `Bearer ${reader.accessToken}`, accept: 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await response.text();
    expect(csv.split('\n')[0]).toBe('code,label,description,sort_order,parent_code,deprecated');
    expect(csv).toContain('UNDER_1,Under 1 year,,10,CHILD,false');
    expect((await admin.post(`${LISTS}/age-bands/drafts`, {})).status).toBe(201);
    const dryRun = await admin.post<{ rows: number; errors: unknown[]; applied: number }>(`${LISTS}/age-bands/draft/import?dryRun=true`, { csv });
    expect(dryRun.body).toEqual({ dryRun: true, rows: 10, applied: 0, errors: [] });
    expect((await admin.request('DELETE', `${LISTS}/age-bands/versions/draft`)).status).toBe(204);
  });

  it('publishes the full version through the outbox, in the publishing transaction', async () => {
    const [row] = await queryTestDatabase<{ envelope: { payload: { listCode: string; codes: unknown[] } }; message_key: string }>(
      `SELECT envelope, message_key FROM refdata.outbox_event WHERE topic = 'reference-data.code-list.published.v1' AND message_key = 'pause-reasons' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(row.message_key).toBe('pause-reasons');
    expect(row.envelope.payload.codes.map((code) => (code as { code: string }).code)).toEqual(expect.arrayContaining(['CORONER', 'SECTION_42_ENQUIRY', 'HEALTH_INVESTIGATION']));
  });

  it('case-intake refuses a review type deprecated in a newly published version within a second, with reference-data stopped', async () => {
    const input = await apiAsUser('icb.input');
    expect((await input.post('/api/v1/cases', caseInput({ incidentDate: '2026-03-02', reviewType: 'DHR_CHILD' }))).status).toBe(201);
    expect((await admin.post(`${LISTS}/review-types/drafts`, {})).status).toBe(201);
    expect((await admin.request('PUT', `${LISTS}/review-types/draft/codes/DHR_CHILD`, { body: { label: 'Domestic abuse related death review: victim aged 16 to 17', deprecated: true } })).status).toBe(200);
    const published = await admin.post<Version>(`${LISTS}/review-types/draft/publish`, { effectiveFrom: todayInEngland() });
    expect(published.status).toBe(200);
    const publishedAt = Date.now();
    await eventually(async () => (await countRows('intake.reference_code_list_version', `list_code = 'review-types' AND version = $1`, [published.body.version])) === 1, 'the copy has the new version', 1_000);
    const elapsedMs = Date.now() - publishedAt;
    console.log(`case-intake's copy had review-types version ${published.body.version} ${elapsedMs} ms after the publish answered`);
    await killApp('reference-data');
    try {
      const refused = await input.post('/api/v1/cases', caseInput({ incidentDate: '2026-03-02', reviewType: 'DHR_CHILD' }));
      const problem = expectProblem(refused, 400, 'VALIDATION_FAILED', 'reviewType');
      expect(problem.errors?.[0].code).toBe('DEPRECATED_CODE');
      expectProblem(await input.post('/api/v1/cases', caseInput({ incidentDate: '2026-03-02', reviewType: 'NOT_A_TYPE' })), 400, 'VALIDATION_FAILED', 'reviewType');
      expect((await input.post('/api/v1/cases', caseInput({ incidentDate: '2026-03-02', reviewType: 'SAR' }))).status).toBe(201);
      expect(elapsedMs).toBeLessThan(1_000);
    } finally {
      await startApp('reference-data');
      await waitReady('reference-data');
    }
    // Leave DHR_CHILD usable for the other tests: a later version un-deprecates it.
    await admin.post(`${LISTS}/review-types/drafts`, {});
    await admin.request('PUT', `${LISTS}/review-types/draft/codes/DHR_CHILD`, { body: { label: 'Domestic abuse related death review: victim aged 16 to 17', deprecated: false } });
    const restored = await admin.post<Version>(`${LISTS}/review-types/draft/publish`, { effectiveFrom: todayInEngland() });
    await eventually(async () => (await countRows('intake.reference_code_list_version', `list_code = 'review-types' AND version = $1`, [restored.body.version])) === 1, 'the copy has the restored version', 5_000);
    expect((await input.post('/api/v1/cases', caseInput({ incidentDate: '2026-03-02', reviewType: 'DHR_CHILD' }))).status).toBe(201);
  });
});
