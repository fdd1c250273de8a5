import { randomUUID } from 'node:crypto';
import {
  apiOperations,
  clientFor,
  committedApiDocument,
  describeExchange,
  eventually,
  knownPrincipals,
  notFoundShape,
  operationLabel,
  operationRequest,
  owningSchemaOf,
  problemDefect,
  RawBody,
  requestBodyExample,
  requiredEnv,
  scopeLeaks,
  sendApiRequest,
  storedOwner,
  type ApiClient,
  type ApiOperation,
  type ApiRequestInput,
  type Canary,
  type KnownPrincipal,
  type RawApiResponse,
  withinScope,
} from '@scrt/testing';

// The operations come from the committed document so that Jest can name one test per operation;
// the OpenAPI checks keep it identical to the served one.
const operations = apiOperations(committedApiDocument());
const principals = knownPrincipals();
const CANARY_CREATORS = ['machine client QWO', 'machine client QMJ', 'ICB data input (QWO)', 'other ICB, same region (QOQ)', 'other region ICB (QMJ)'];
/** Fields a client must not be able to set on a record it sends; the server decides them. */
const OWNERSHIP_FIELDS = (principal: KnownPrincipal) => {
  const foreign = principal.organisationCode === 'QMJ' ? { organisationCode: 'QWO', regionCode: 'Y63' } : { organisationCode: 'QMJ', regionCode: 'Y56' };
  return { ...foreign, id: randomUUID(), createdBy: 'intruder', version: 99, createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z', tier: 'national' };
};

const gateway = requiredEnv('SCRT_TEST_GATEWAY_URL');
const clients = new Map<string, ApiClient>();
const canaries: Canary[] = [];
const tally = { requests: 0, failures: 0 };

async function send(principal: KnownPrincipal, operation: ApiOperation, input: ApiRequestInput) {
  const request = operationRequest(operation, input);
  const response = await sendApiRequest(gateway, principal.kind === 'anonymous' ? undefined : clients.get(principal.label), request);
  tally.requests += 1;
  return { request, response, exchange: `${principal.label}: ${describeExchange(request, response)}` };
}

/** A document path whose single parameter the canary's location fills, e.g. `/api/v1/cases/{id}`. */
function recordParameterOf(operation: ApiOperation): string | undefined {
  const location = canaries[0]?.location;
  if (!location) return undefined;
  return operation.parameters.find((parameter) => {
    if (parameter.in !== 'path') return false;
    const prefix = operation.path.slice(0, operation.path.indexOf(`{${parameter.name}}`));
    return location.startsWith(prefix) && !location.slice(prefix.length).includes('/');
  })?.name;
}

function expectProblem(status: number, response: RawApiResponse, exchange: string): string[] {
  if (response.status !== status) return [`expected ${status}: ${exchange}`];
  const defect = problemDefect(response);
  return defect ? [`${defect}: ${exchange}`] : [];
}

async function checkOperation(operation: ApiOperation): Promise<string[]> {
  const failures: string[] = [];
  const recordParameter = recordParameterOf(operation);
  const variants: { canary?: Canary; missingId?: string; input: ApiRequestInput }[] = recordParameter
    ? [...canaries.map((canary) => ({ canary, input: { pathValues: { [recordParameter]: canary.id } } })), { missingId: randomUUID(), input: {} }]
    : [{ input: {} }];
  for (const variant of variants) if (variant.missingId) variant.input = { pathValues: { [recordParameter!]: variant.missingId } };

  for (const principal of principals) {
    if (principal.kind === 'anonymous') {
      if (operation.isPublic) continue;
      for (const variant of variants) {
        const { response, exchange } = await send(principal, operation, variant.input);
        failures.push(...expectProblem(401, response, exchange));
      }
      continue;
    }
    if (!operation.isPublic && !principal.permissions.has(operation.permission ?? '')) {
      for (const variant of variants) {
        const { response, exchange } = await send(principal, operation, variant.input);
        failures.push(...expectProblem(403, response, exchange));
      }
      continue;
    }
    const missing = variants.find((variant) => variant.missingId);
    const missingAnswer = missing ? await send(principal, operation, missing.input) : undefined;
    if (missingAnswer) failures.push(...expectProblem(404, missingAnswer.response, missingAnswer.exchange));
    for (const variant of variants.filter((candidate) => !candidate.missingId)) {
      const { response, exchange } = await send(principal, operation, variant.input);
      if (variant.canary && !withinScope(principal, variant.canary.owner)) {
        failures.push(...expectProblem(404, response, exchange));
        const hidden = notFoundShape(response, variant.canary.id);
        const absent = notFoundShape(missingAnswer!.response, missing!.missingId!);
        if (JSON.stringify(hidden) !== JSON.stringify(absent)) failures.push(`a hidden record answers unlike a missing one: ${JSON.stringify(hidden)} vs ${JSON.stringify(absent)} (${exchange})`);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        // An in-scope record must be served. Any other operation built from the document's
        // examples may meet state it cannot know (no draft to publish, an example id that names
        // nothing): then the permission must still be honoured, and the refusal be a problem
        // that is not about access.
        if (variant.canary) failures.push(`expected 2xx for a permitted caller within scope: ${exchange}`);
        else if (response.status === 401 || response.status === 403 || response.status >= 500) failures.push(`a permitted caller was refused or failed: ${exchange}`);
        else failures.push(...expectProblem(response.status, response, exchange));
        continue;
      }
      failures.push(...scopeLeaks(principal, response.json, canaries, response.text).map((leak) => `out of scope: ${leak}: ${exchange}`));
    }
  }
  return failures;
}

/** Ownership fields in a body are refused or ignored: the stored record belongs to the token's organisation. */
async function checkMassAssignment(operation: ApiOperation): Promise<string[]> {
  const failures: string[] = [];
  const example = requestBodyExample(operation);
  if (typeof example !== 'object' || example === null || Array.isArray(example)) return failures;
  const recordParameter = recordParameterOf(operation);
  for (const principal of principals.filter((candidate) => candidate.kind !== 'anonymous' && candidate.permissions.has(operation.permission ?? ''))) {
    const own = canaries.find((canary) => withinScope(principal, canary.owner));
    if (recordParameter && !own) continue;
    const pathValues = recordParameter ? { [recordParameter]: own!.id } : undefined;
    const injected = OWNERSHIP_FIELDS(principal);
    const bodies = [{ ...example, ...injected }, new RawBody(JSON.stringify({ ...example, ['__proto__']: injected, constructor: { prototype: injected } }))];
    for (const body of bodies) {
      const { response, exchange } = await send(principal, operation, { pathValues, body });
      if (response.status >= 400 && response.status < 500) {
        const defect = problemDefect(response);
        if (defect) failures.push(`${defect}: ${exchange}`);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        failures.push(`expected a refusal (4xx) or the fields ignored (2xx): ${exchange}`);
        continue;
      }
      const answer = response.json as Record<string, unknown>;
      for (const field of ['organisationCode', 'regionCode', 'id', 'createdBy', 'version', 'createdAt', 'updatedAt', 'tier'] as const) {
        if (answer[field] !== undefined && answer[field] === injected[field]) failures.push(`${field} taken from the body: ${exchange}`);
      }
      if (typeof answer.id === 'string') {
        const stored = await storedOwner(owningSchemaOf(operation.path), answer.id);
        if (stored && (stored.organisationCode !== principal.organisationCode || (stored.regionCode ?? principal.regionCode) !== principal.regionCode)) {
          failures.push(`stored in ${stored.table} for ${stored.organisationCode}/${stored.regionCode}, not the token's ${principal.organisationCode}: ${exchange}`);
        }
      }
    }
  }
  return failures;
}

async function caseloadTotal(client: ApiClient): Promise<number> {
  const response = await client.get<{ totalCases: number }>('/api/v1/reports/caseload');
  if (response.status !== 200) throw new Error(`caseload answered ${response.status}`);
  return response.body.totalCases;
}

describe('every operation, tried by every kind of principal against records of several ICBs and regions', () => {
  beforeAll(async () => {
    for (const principal of principals) clients.set(principal.label, await clientFor(principal));
    const national = clients.get('national analyst (X24)')!;
    const totalBefore = await caseloadTotal(national);
    const create = operations.find((operation) => operation.method === 'POST' && operation.path === '/api/v1/cases');
    if (!create) throw new Error('the document has no POST /api/v1/cases to create canaries with');
    for (const label of CANARY_CREATORS) {
      const creator = principals.find((principal) => principal.label === label)!;
      const { response, exchange } = await send(creator, create, {});
      const location = response.headers.get('location');
      const body = response.json as { id?: string; organisationCode?: string };
      if (response.status !== 201 || !location || !body.id || body.organisationCode !== creator.organisationCode) throw new Error(`canary not created: ${exchange}`);
      canaries.push({ id: body.id, location, owner: { label, organisationCode: creator.organisationCode!, regionCode: creator.regionCode } });
    }
    // Aggregates are checked once they include the canaries, or a leak could hide behind the lag.
    await eventually(async () => (await caseloadTotal(national)) >= totalBefore + canaries.length, 'the canaries in the national caseload');
  });

  afterAll(() => {
    console.log(`Access matrix: ${operations.length} operations, ${principals.length} principals, ${canaries.length} canaries, ${tally.requests} requests, ${tally.failures} failures`);
  });

  it.each(operations.map((operation) => [operationLabel(operation), operation] as const))('%s', async (_label, operation) => {
    const failures = [...(await checkOperation(operation)), ...(operation.requestBody ? await checkMassAssignment(operation) : [])];
    tally.failures += failures.length;
    expect(failures).toEqual([]);
  });
});
