import { randomUUID } from 'node:crypto';
import { caseInput, clientCredentialsToken, demoAccounts, eventually, requiredEnv, roleIdOf, signInForTokens } from '@scrt/testing';
// Generated from openapi/openapi.json by OpenAPI Generator (typescript-fetch) and compiled with tsc
// before the stack tests (`npm test`, scripts/openapi/generated-client.ts); not committed.
import { CasesApi, Configuration, ReferenceDataApi, ReportsApi, ResponseError, type CaseInputDto } from '../.local/generated-client/dist/index.js';

/** The shared valid case as the generated client takes it: dates as `Date`. */
const caseInputDto = (incidentDate: string, reviewType: string) => ({ ...caseInput({ reviewType }), incidentDate: new Date(incidentDate), dateAdded: new Date(incidentDate) }) as unknown as CaseInputDto;

/** The client's own configuration: where the gateway is and the caller's token, nothing else. */
const configuration = (accessToken: string) => new Configuration({ basePath: requiredEnv('SCRT_TEST_GATEWAY_URL'), accessToken });

describe('a client generated from the OpenAPI document', () => {
  let system: Configuration;
  let national: Configuration;

  beforeAll(async () => {
    const identityUrl = requiredEnv('SCRT_TEST_IDENTITY_URL');
    const caseSystem = demoAccounts().clients.find((client) => client.client_id === 'wy-case-system');
    if (!caseSystem) throw new Error('demo client wy-case-system is missing');
    const [systemToken, { accessToken: nationalToken }] = await Promise.all([
      clientCredentialsToken(identityUrl, caseSystem.client_id, caseSystem.client_secret, caseSystem.scopes.join(' ')),
      signInForTokens(identityUrl, { username: 'national.analyst', roleId: roleIdOf('national.analyst') }),
    ]);
    system = configuration(systemToken);
    national = configuration(nationalToken);
  });

  it('records a case as a case-management system, reads it back, and finds it in the national caseload', async () => {
    const cases = new CasesApi(system);
    const before = await new ReportsApi(national).getCaseload({});
    const counted = (report: typeof before) => report.rows.find((row) => row.organisationCode === 'QWO' && row.reviewType === 'SAR')?.cases ?? 0;

    const created = await cases.createCase({ caseInputDto: caseInputDto('2026-02-03', 'SAR') });
    expect(created).toMatchObject({ organisationCode: 'QWO', regionCode: 'Y63', reviewType: 'SAR', version: 1 });
    expect(created.incidentDate.toISOString().slice(0, 10)).toBe('2026-02-03');

    expect(await cases.getCase({ id: created.id })).toEqual(created);
    await eventually(async () => counted(await new ReportsApi(national).getCaseload({})) === counted(before) + 1, 'the new case in the national caseload');
  });

  it('gets the first case back, with 200, when it retries with the same Idempotency-Key', async () => {
    const cases = new CasesApi(system);
    const request = { caseInputDto: caseInputDto('2026-02-04', 'RAPID_REVIEW'), idempotencyKey: randomUUID() };
    const first = await cases.createCaseRaw(request);
    const retry = await cases.createCaseRaw(request);
    expect([first.raw.status, retry.raw.status]).toEqual([201, 200]);
    const [firstCase, retriedCase] = [await first.value(), await retry.value()];
    expect(retriedCase).toEqual(firstCase);
    expect(retry.raw.headers.get('location')).toBe(`/api/v1/cases/${firstCase.id}`);
    expect(retry.raw.headers.get('etag')).toBe('"1"');
  });

  it('reads reference data, and meets a declared 404 as a problem document', async () => {
    const organisations = new ReferenceDataApi(national);
    expect((await organisations.getOrganisation({ odsCode: 'QWO' })).parentOdsCode).toBe('Y63');
    const missing = await organisations.getOrganisation({ odsCode: 'ZZZ99' }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ResponseError);
    const { response } = missing as ResponseError;
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
