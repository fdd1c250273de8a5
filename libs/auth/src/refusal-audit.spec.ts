import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Controller, Get, Global, Inject, Module, Param, Query } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { AppEnv } from '@scrt/config';
import { Permissions, type Principal } from '@scrt/contracts';
import { NotFoundError, createServiceApp } from '@scrt/http';
import { AuditTrail, DATABASE, type SqlExecutor } from '@scrt/persistence';
import { AuditedResource } from './audited-resource.decorator.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import { InternalAuthModule } from './internal-auth.module.js';
import { InternalTokenSigner, type UpstreamRequest } from './internal-token.js';
import { RequirePermission } from './require-permission.decorator.js';

/** Keeps each inserted audit row as column → value, so tests read what would be stored. */
class RecordingDatabase implements SqlExecutor {
  readonly rows: Record<string, unknown>[] = [];

  async $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> {
    const columns = /\(([^)]*)\)\s*VALUES/.exec(sql)![1].split(',').map((column) => column.trim());
    this.rows.push(Object.fromEntries(columns.map((column, index) => [column, values[index]])));
    return 1;
  }
}

class RecordIdParam {
  @IsUUID() id: string;
}

class PeriodQuery {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) from?: string;
}

const database = new RecordingDatabase();
const trail = new AuditTrail('intake');

@Controller('records')
class RecordsController {
  constructor(@Inject(DATABASE) private readonly db: SqlExecutor) {}

  @Get('report')
  @RequirePermission(Permissions.reportRead)
  @AuditedResource('caseload-report', 'read')
  report(@Query() query: PeriodQuery) {
    return { from: query.from ?? null };
  }

  @Get('unaudited/:id')
  @RequirePermission(Permissions.caseRead)
  unaudited(@Param() params: RecordIdParam) {
    return { id: params.id };
  }

  @Get(':id')
  @RequirePermission(Permissions.caseRead)
  @AuditedResource('case', 'read')
  read(@Param() params: RecordIdParam) {
    return { id: params.id };
  }

  @Get(':id/hidden')
  @RequirePermission(Permissions.caseRead)
  @AuditedResource('case', 'read')
  async hidden(@Param() params: RecordIdParam, @CurrentPrincipal() principal: Principal) {
    await trail.record(this.db, principal, { action: 'read', resourceType: 'case', resourceId: params.id, outcome: 'not-found' });
    throw new NotFoundError();
  }
}

@Global()
@Module({ providers: [{ provide: DATABASE, useValue: database }, { provide: AuditTrail, useValue: trail }], exports: [DATABASE, AuditTrail] })
class RecordingAuditModule {}

const keys = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

const reader: Principal = { subject: 'reader-1', kind: 'user', organisationCode: 'QWO', regionCode: 'Y63', tier: 'icb', roleId: 'role-1', permissions: ['case:read', 'report:read'] };
const referenceDataAdmin: Principal = { ...reader, subject: 'admin-1', permissions: ['reference-data:read', 'reference-data:manage'] };
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('refused attempts on audited routes', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let signer: InternalTokenSigner;

  beforeAll(async () => {
    signer = await InternalTokenSigner.fromPem(keys.privateKey);
    const config = Object.assign(new AppEnv(), { PORT: 1, LOG_LEVEL: 'error' });
    const module = () => ({ module: class RefusalAuditTestModule {}, imports: [RecordingAuditModule, InternalAuthModule.forPublicKey(keys.publicKey)], controllers: [RecordsController] });
    app = await createServiceApp({ serviceName: 'refusal-audit-test', configClass: AppEnv, module, logger: false }, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await app.getUrl();
  });

  afterAll(() => app.close());
  beforeEach(() => void database.rows.splice(0));

  async function get(path: string, principal?: Principal, headers: Record<string, string> = {}, upstream: UpstreamRequest = {}) {
    const authorization: Record<string, string> = principal ? { authorization: `Bearer ${await signer.sign(principal, undefined, upstream)}` } : {};
    const response = await fetch(new URL(path, baseUrl), { headers: { ...authorization, ...headers } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }

  it('records a read without a valid internal token, the caller unknown', async () => {
    const id = randomUUID();
    const response = await get(`/records/${id}`, undefined, { authorization: 'Bearer not-a-token' });
    expect(response.status).toBe(401);
    expect(database.rows).toEqual([
      expect.objectContaining({ actor_subject: null, actor_kind: null, organisation_code: null, action: 'read', resource_type: 'case', resource_id: id, outcome: 'refused', reason: 'UNAUTHENTICATED' }),
    ]);
  });

  it('records a read refused for want of the permission, with who asked', async () => {
    const id = randomUUID();
    expect((await get(`/records/${id}`, referenceDataAdmin)).status).toBe(403);
    expect(database.rows).toEqual([expect.objectContaining({ actor_subject: 'admin-1', actor_kind: 'user', actor_role_id: 'role-1', organisation_code: 'QWO', resource_id: id, outcome: 'refused', reason: 'FORBIDDEN' })]);
  });

  it('records a read refused by validation of the path, naming the id as given', async () => {
    expect((await get('/records/not-a-uuid', reader)).status).toBe(400);
    expect(database.rows).toEqual([expect.objectContaining({ actor_subject: 'reader-1', resource_type: 'case', resource_id: 'not-a-uuid', outcome: 'refused', reason: 'VALIDATION_FAILED' })]);
  });

  it('records a report read refused by validation of the query', async () => {
    expect((await get('/records/report?from=yesterday', reader)).status).toBe(400);
    expect(database.rows).toEqual([expect.objectContaining({ actor_subject: 'reader-1', action: 'read', resource_type: 'caseload-report', resource_id: null, reason: 'VALIDATION_FAILED' })]);
  });

  it('records nothing for an allowed read, nor for a route that is not audited', async () => {
    expect((await get(`/records/${randomUUID()}`, reader)).status).toBe(200);
    expect((await get('/records/report?from=2026-01-01', reader)).status).toBe(200);
    expect((await get('/records/unaudited/not-a-uuid', reader)).status).toBe(400);
    expect(database.rows).toEqual([]);
  });

  it('does not record a refusal twice when the service audited the request itself', async () => {
    expect((await get(`/records/${randomUUID()}/hidden`, reader)).status).toBe(404);
    expect(database.rows).toEqual([expect.objectContaining({ outcome: 'not-found', reason: null })]);
  });

  const gatewayRequestId = '0192f7a0-1111-7222-8333-444455556666';

  it('keys the record on the gateway\'s request id from the verified token, echoed in the header and the problem', async () => {
    const response = await get('/records/not-a-uuid', reader, { 'x-correlation-id': 'client-chosen-id', 'x-request-id': randomUUID() }, { requestId: gatewayRequestId, clientCorrelationId: 'client-chosen-id' });
    expect(response.headers.get('x-request-id')).toBe(gatewayRequestId);
    expect(response.headers.get('x-correlation-id')).toBe('client-chosen-id');
    expect(response.body).toMatchObject({ requestId: gatewayRequestId, correlationId: 'client-chosen-id' });
    expect(database.rows).toEqual([expect.objectContaining({ request_id: gatewayRequestId, client_correlation_id: 'client-chosen-id' })]);
  });

  it('keys a record on a request id of its own when no verified token names one, never on the client\'s', async () => {
    const clientRequestId = randomUUID();
    const response = await get(`/records/${randomUUID()}`, undefined, { 'x-correlation-id': 'client-chosen-id', 'x-request-id': clientRequestId });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(UUID_V7);
    expect(requestId).not.toBe(clientRequestId);
    expect(response.body.requestId).toBe(requestId);
    expect(database.rows).toEqual([expect.objectContaining({ request_id: requestId, client_correlation_id: 'client-chosen-id' })]);
  });

  it('stores no client correlation id when the gateway states the client sent none, though it forwards one of its own', async () => {
    const response = await get('/records/not-a-uuid', reader, { 'x-correlation-id': 'gateway-made-id' }, { requestId: gatewayRequestId });
    expect(response.headers.get('x-correlation-id')).toBe('gateway-made-id');
    expect(database.rows).toEqual([expect.objectContaining({ request_id: gatewayRequestId, client_correlation_id: null })]);
  });
});
