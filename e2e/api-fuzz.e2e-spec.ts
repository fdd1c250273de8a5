import fc from 'fast-check';
import {
  UNLIMITED_RATE,
  apiOperations,
  badInputFor,
  changedTables,
  clientFor,
  committedApiDocument,
  countSchemaRows,
  describeExchange,
  knownPrincipals,
  operationLabel,
  operationRequest,
  owningSchemaOf,
  problemDefect,
  requiredEnv,
  restartGateway,
  sendApiRequest,
  settledSchemaRows,
  type ApiClient,
  type ApiOperation,
  type KnownPrincipal,
} from '@scrt/testing';

const SEED = 20261201;
const RUNS_PER_OPERATION = 40;
const CONCURRENT_READS = 4;
const operations = apiOperations(committedApiDocument());
const principals = knownPrincipals();
const gateway = requiredEnv('SCRT_TEST_GATEWAY_URL');
const tally = { operations: 0, requests: 0, failures: 0, statuses: new Map<number, number>() };

/** The caller the operation is fuzzed as: one allowed to call it, an ICB one when there is. */
function callerFor(operation: ApiOperation): KnownPrincipal {
  const allowed = principals.filter((principal) => principal.kind !== 'anonymous' && (operation.isPublic || principal.permissions.has(operation.permission ?? '')));
  const caller = allowed.find((principal) => principal.tier === 'icb') ?? allowed[0];
  if (!caller) throw new Error(`no known principal may call ${operationLabel(operation)} (x-scrt-permission ${operation.permission})`);
  return caller;
}

/** Valid path values to mutate from: a record the caller owns when the path names one, else the examples. */
async function validPathValues(operation: ApiOperation, client: ApiClient): Promise<Record<string, string>> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  if (pathParameters.length === 0) return {};
  const collection = operations.find((candidate) => candidate.method === 'POST' && operation.path === `${candidate.path}/{${pathParameters[0].name}}`);
  if (!collection) return {};
  const created = await sendApiRequest(gateway, client, operationRequest(collection));
  const id = (created.json as { id?: string } | undefined)?.id;
  return id ? { [pathParameters[0].name]: id } : {};
}

describe('bad input to every operation: never a 5xx, always problem+json, nothing stored', () => {
  beforeAll(() => restartGateway(UNLIMITED_RATE));
  afterAll(async () => {
    console.log(`API fuzz (seed ${SEED} + operation index, ${RUNS_PER_OPERATION} runs per operation): ${tally.operations} operations covered, ${tally.requests} requests tried, ${tally.failures} failures; statuses ${[...tally.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ')}`);
    await restartGateway();
  });

  it.each(operations.map((operation) => [operationLabel(operation), operation] as const))('%s', async (_label, operation) => {
    const caller = callerFor(operation);
    const client = await clientFor(caller);
    const schema = owningSchemaOf(operation.path);
    const seed = SEED + operations.indexOf(operation);
    const inputs = fc.sample(badInputFor(operation, await validPathValues(operation, client)), { seed, numRuns: RUNS_PER_OPERATION });
    const failures: string[] = [];
    // A read changes no row whatever it answers, so reads are sent a few at a time and checked
    // once, after all of them; a write's rows are counted after each request, to name the
    // refused one that changed any.
    const isRead = operation.method === 'GET';
    const rowsAtStart = await settledSchemaRows(schema);
    let rowsBefore = rowsAtStart;
    const check = async (input: (typeof inputs)[number]) => {
      const request = operationRequest(operation, input);
      const response = await sendApiRequest(gateway, client, request).catch((error: Error) => error);
      if (response instanceof Error) {
        failures.push(`no answer (${response.message}, ${String(response.cause ?? '')}): ${caller.label}: ${request.method} ${request.path.slice(0, 200)}`);
        return;
      }
      tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
      const exchange = `${caller.label}: ${describeExchange(request, response)}`;
      if (response.status >= 500) failures.push(`${response.status}: ${exchange}`);
      if (response.status >= 400) {
        const defect = problemDefect(response);
        if (defect) failures.push(`${defect}: ${exchange}`);
      }
      if (isRead) return;
      const rowsAfter = await countSchemaRows(schema);
      const changed = changedTables(rowsBefore, rowsAfter);
      if (response.status >= 400 && changed.length) failures.push(`rows changed by a refused request (${changed.join(', ')}): ${exchange}`);
      rowsBefore = rowsAfter;
    };
    const concurrency = isRead ? CONCURRENT_READS : 1;
    for (let next = 0; next < inputs.length; next += concurrency) await Promise.all(inputs.slice(next, next + concurrency).map(check));
    const changedByReads = isRead ? changedTables(rowsAtStart, await countSchemaRows(schema)) : [];
    if (changedByReads.length) failures.push(`rows changed while only reads were sent (${changedByReads.join(', ')}): ${caller.label}: ${operationLabel(operation)}`);
    tally.operations += 1;
    tally.requests += inputs.length;
    tally.failures += failures.length;
    console.log(`${operationLabel(operation)} as ${caller.label}: ${inputs.length} requests, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });
});
