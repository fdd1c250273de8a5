import { ApiClient, apiAsUser, caseInput, demoUserClaims, eventually, mintAccessToken, requiredEnv, queryTestDatabase } from '@scrt/testing';
import { MERGER_2026, SETUP_2022 } from '../apps/reference-data/src/organisations/import/merger-fixture.js';
import { countRows, expectProblem } from './support.js';

// The reference-data fixture (two ICBs merge into a new one, a sub-ICB location moves to another
// ICB) under codes of its own, so this file runs before or after the reference-data tests.
const CODES: Record<string, string> = { ZA1: 'ZK1', ZA2: 'ZK2', ZA3: 'ZK3', ZB1: 'ZL1', Z1A: 'Z7A', Z2A: 'Z8A', Z2B: 'Z8B' };
const renamed = (csv: string) => csv.replace(/\b(ZA1|ZA2|ZA3|ZB1|Z1A|Z2A|Z2B)\b/g, (code) => CODES[code]);
const ORGS = '/api/v1/reference-data/organisations';

interface Case {
  id: string;
  organisationCode: string;
  status: string;
  version: number;
}
interface CaseList {
  items: Case[];
  nextCursor: string | null;
}
interface ViewLog {
  items: { actorSubject: string; actorOrganisationCode: string; action: string; outcome: string }[];
}

/** A data-input user at a fixture organisation, with a token signed by the test key (dev-identity has no such account). */
async function userAt(organisationCode: string, workgroup = 'scrt-data-input'): Promise<ApiClient> {
  const claims = demoUserClaims('icb.input');
  const uid = `5559${organisationCode.charCodeAt(1)}${organisationCode.charCodeAt(2)}${workgroup.length}`;
  const role = { person_roleid: `${uid}01`, org_code: organisationCode, role_code: 'S8000:G8000:R8001', role_name: 'Nurse Access Role', workgroups: [workgroup] };
  const token = await mintAccessToken({ ...claims, sub: uid, nhsid_useruid: uid, name: `User at ${organisationCode}`, selected_roleid: role.person_roleid, nhsid_nrbac_roles: [role] });
  return new ApiClient(requiredEnv('SCRT_TEST_GATEWAY_URL'), token);
}

const importChange = async (admin: ApiClient, csv: string) => expect((await admin.post(`${ORGS}/changes`, { csv: renamed(csv) })).status).toBe(200);

/** case-intake has applied the organisation's latest state to its own copy of the hierarchy. */
const intakeCopyHas = (odsCode: string, effectiveTo: string | null) =>
  eventually(async () => {
    const [row] = await queryTestDatabase<{ effective_to: string | null }>(`SELECT state->>'effectiveTo' AS effective_to FROM intake.reference_organisation WHERE ods_code = $1`, [odsCode]);
    return row !== undefined && row.effective_to === effectiveTo;
  }, `case-intake's copy holding ${odsCode} ending ${effectiveTo}`);

const ids = (list: CaseList) => list.items.map((item) => item.id);

describe('case scope follows the organisation hierarchy in force today, through a merger (issue 8 §2, issue 9 §1)', () => {
  let admin: ApiClient;
  const cases: Record<'north' | 'central' | 'moved', Case> = {} as never;

  beforeAll(async () => {
    admin = await apiAsUser('refdata.admin');
    const alreadyThere = (await admin.get(`${ORGS}/${CODES.ZA1}`)).status === 200;
    if (!alreadyThere) await importChange(admin, SETUP_2022);
    await intakeCopyHas('Z8A', null);
    // Before the merger: each predecessor, and the sub-ICB location that will move, records a case.
    const record = async (code: string, overrides: Record<string, unknown>) => {
      const response = await (await userAt(code)).post<Case>('/api/v1/cases', caseInput(overrides));
      expect([response.status, response.body.organisationCode]).toEqual([201, code]);
      return response.body;
    };
    cases.north = await record('ZK1', { briefInformation: 'Referral about a lighthouse keeper after a missed appointment.', themes: ['NEGLECT'], reviewType: 'SAR' });
    cases.central = await record('ZK2', { briefInformation: 'Notification from the school nurse.', comments: 'Discussed at the harbourside panel.', identifiers: [{ type: 'LOCAL', value: `ZK2-${Date.now()}` }] });
    cases.moved = await record('Z8A', { briefInformation: 'Notification from the harbourside panel.' });

    await importChange(admin, MERGER_2026);
    await Promise.all([intakeCopyHas('ZK1', '2026-03-31'), intakeCopyHas('ZK2', '2026-03-31'), intakeCopyHas('ZK3', null)]);
  });

  it("lets the new ICB's users read and list their predecessors' cases, and not the moved location's", async () => {
    const merged = await userAt('ZK3');
    expect((await merged.get<Case>(`/api/v1/cases/${cases.north.id}`)).status).toBe(200);
    expect((await merged.get<Case>(`/api/v1/cases/${cases.central.id}`)).status).toBe(200);
    expectProblem(await merged.get(`/api/v1/cases/${cases.moved.id}`), 404, 'CASE_NOT_FOUND');

    const listed = await merged.get<CaseList>('/api/v1/cases?limit=100');
    expect(listed.status).toBe(200);
    expect(ids(listed.body)).toEqual(expect.arrayContaining([cases.north.id, cases.central.id]));
    expect(ids(listed.body)).not.toContain(cases.moved.id);
    expect(new Set(listed.body.items.map((item) => item.organisationCode))).toEqual(new Set(['ZK1', 'ZK2']));

    const movedTo = await userAt('ZL1');
    expect((await movedTo.get(`/api/v1/cases/${cases.moved.id}`)).status).toBe(200);
    expectProblem(await movedTo.get(`/api/v1/cases/${cases.north.id}`), 404, 'CASE_NOT_FOUND');
  });

  it("refuses new cases from the predecessors' users, naming the successor", async () => {
    const refused = await (await userAt('ZK1')).post('/api/v1/cases', caseInput());
    expectProblem(refused, 403, 'ORGANISATION_REPLACED');
    expect((refused.body as { detail: string }).detail).toContain('ZK3');
    expect((await (await userAt('ZK3')).post('/api/v1/cases', caseInput())).status).toBe(201);
  });

  it("shows the cases to the new ICB's region and to national users, not to another region", async () => {
    const london = await apiAsUser('region.london');
    const national = await apiAsUser('national.analyst');
    const northEast = await apiAsUser('region.oversight');
    for (const id of [cases.north.id, cases.central.id]) {
      expect((await london.get(`/api/v1/cases/${id}`)).status).toBe(200);
      expect((await national.get(`/api/v1/cases/${id}`)).status).toBe(200);
      expect((await northEast.get(`/api/v1/cases/${id}`)).status).toBe(404);
    }
    const londonList = await london.get<CaseList>('/api/v1/cases?regionCode=Y56&limit=100&sort=-createdAt');
    expect(ids(londonList.body)).toEqual(expect.arrayContaining([cases.north.id, cases.central.id]));
    expect(ids(londonList.body)).not.toContain(cases.moved.id);
    // The moved location now rolls up to the other region's ICB.
    expect(ids((await national.get<CaseList>('/api/v1/cases?regionCode=Y61&limit=100')).body)).toContain(cases.moved.id);
  });

  it('pages with an opaque cursor and Link: rel="next", and filters and searches', async () => {
    const merged = await userAt('ZK3');
    const seen: string[] = [];
    let next: string | null = '/api/v1/cases?limit=1&sort=incidentDate&includeWithdrawn=true';
    while (next) {
      const page: { status: number; headers: Headers; body: CaseList } = await merged.get<CaseList>(next);
      expect(page.status).toBe(200);
      seen.push(...ids(page.body));
      const link = page.headers.get('link');
      expect(link === null).toBe(page.body.nextCursor === null);
      next = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1] : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([cases.north.id, cases.central.id]));

    const national = await apiAsUser('national.analyst');
    expect(ids((await national.get<CaseList>('/api/v1/cases?q=lighthouse&limit=100')).body)).toEqual([cases.north.id]);
    expect(ids((await national.get<CaseList>('/api/v1/cases?q=harbourside&organisationCode=ZK2')).body)).toEqual([cases.central.id]);
    expect(ids((await national.get<CaseList>('/api/v1/cases?q=harbourside&limit=100')).body).sort()).toEqual([cases.central.id, cases.moved.id].sort());
    expect(ids((await merged.get<CaseList>('/api/v1/cases?reviewType=SAR&theme=NEGLECT&organisationCode=ZK1')).body)).toEqual([cases.north.id]);
    const identifier = (await merged.get<{ identifiers: { value: string }[] }>(`/api/v1/cases/${cases.central.id}`)).body.identifiers[0].value;
    expect(ids((await merged.get<CaseList>(`/api/v1/cases?identifier=${encodeURIComponent(identifier)}`)).body)).toEqual([cases.central.id]);
    const since = new Date(Date.now() + 60_000).toISOString();
    expect((await merged.get<CaseList>(`/api/v1/cases?updatedSince=${since}`)).body.items).toEqual([]);
  });

  it('hides withdrawn cases unless asked for', async () => {
    const merged = await userAt('ZK3');
    const current = await merged.get<Case>(`/api/v1/cases/${cases.central.id}`);
    const withdrawn = await merged.request('POST', `/api/v1/cases/${cases.central.id}/withdrawal`, { body: { reason: 'Recorded twice.' }, headers: { 'if-match': current.headers.get('etag')! } });
    expect(withdrawn.status).toBe(200);
    expect(ids((await merged.get<CaseList>('/api/v1/cases?organisationCode=ZK2')).body)).toEqual([]);
    expect(ids((await merged.get<CaseList>('/api/v1/cases?organisationCode=ZK2&includeWithdrawn=true')).body)).toEqual([cases.central.id]);
    expect(ids((await merged.get<CaseList>('/api/v1/cases?organisationCode=ZK2&status=withdrawn')).body)).toEqual([cases.central.id]);
  });

  it('refuses invalid query parameters, naming each', async () => {
    const response = await (await userAt('ZK3')).get('/api/v1/cases?limit=0&sort=bogus&incidentFrom=2026-02-30&unknown=1&cursor=bm90IGpzb24');
    const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['incidentFrom', 'limit', 'sort', 'unknown']);
    const badCursor = await (await userAt('ZK3')).get('/api/v1/cases?cursor=bm90IGpzb24');
    expect(expectProblem(badCursor, 400, 'VALIDATION_FAILED').errors?.[0]).toMatchObject({ field: 'cursor', code: 'INVALID_CURSOR' });
    const reversed = await (await userAt('ZK3')).get('/api/v1/cases?incidentFrom=2026-05-01&incidentTo=2026-04-01');
    expect(expectProblem(reversed, 400, 'VALIDATION_FAILED').errors?.[0]).toMatchObject({ field: 'incidentTo', code: 'DATE_ORDER' });
  });

  it('audits the list query and every case it returned', async () => {
    const before = await countRows('intake.audit_event', `action = 'list' AND resource_type = 'case' AND resource_id = $1`, [cases.north.id]);
    const queries = await countRows('intake.audit_event', `action = 'list' AND resource_type = 'case-list'`);
    await (await userAt('ZK3')).get('/api/v1/cases?q=lighthouse');
    expect(await countRows('intake.audit_event', `action = 'list' AND resource_type = 'case' AND resource_id = $1`, [cases.north.id])).toBe(before + 1);
    expect(await countRows('intake.audit_event', `action = 'list' AND resource_type = 'case-list'`)).toBe(queries + 1);
    const [query] = await queryTestDatabase<{ resource_id: string }>(`SELECT resource_id FROM intake.audit_event WHERE resource_type = 'case-list' ORDER BY occurred_at DESC LIMIT 1`);
    expect(query.resource_id).toBe('filters=q');
  });

  it("shows the view log to the case's ICB and to oversight, not to others", async () => {
    const merged = await userAt('ZK3');
    await merged.get(`/api/v1/cases/${cases.north.id}`);
    const log = await merged.get<ViewLog>(`/api/v1/cases/${cases.north.id}/views`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((item) => `${item.actorOrganisationCode}:${item.action}:${item.outcome}`)).toEqual(expect.arrayContaining(['ZK3:read:success', 'ZK1:create:success', 'ZK3:list:success']));
    expect((await (await apiAsUser('region.london')).get(`/api/v1/cases/${cases.north.id}/views`)).status).toBe(200);
    expectProblem(await (await userAt('ZL1')).get(`/api/v1/cases/${cases.north.id}/views`), 404, 'CASE_NOT_FOUND');
    expectProblem(await (await userAt('ZK3', 'scrt-reporting')).get(`/api/v1/cases/${cases.north.id}/views`), 403, 'FORBIDDEN');
  });
});
