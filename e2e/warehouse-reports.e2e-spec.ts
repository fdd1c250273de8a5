import { Kafka, logLevel, type Producer } from 'kafkajs';
import { apiAsClient, apiAsUser, caseEventStream, eventually, requiredEnv, warehouseSummarised, seededRandom, type ApiClient, type PublishedEvent } from '@scrt/testing';
import { countRows, expectProblem } from './support.js';

// The cases of this file are added in 2019 (no other test uses that year), so counts are exact.
const PERIOD = 'from=2019-01-01&to=2019-12-31';
type Row = Record<string, string | number | null>;
interface Report {
  scope: { tier: string };
  dataAsOf: string | null;
  rows: Row[];
}
interface Snapshot {
  caseId: string;
  reviewType: string;
  withdrawn: boolean;
  themes: string[];
  identifiers: unknown[];
  dateAdded: string;
}

/** The case as its last event left it. */
function finalSnapshots(events: PublishedEvent[]): Snapshot[] {
  const last = new Map<string, Snapshot>();
  for (const { key, envelope } of events) last.set(key, ((envelope.payload as { case?: Snapshot }).case ?? envelope.payload) as unknown as Snapshot);
  return [...last.values()];
}

const sum = (rows: Row[], column: string) => rows.reduce((total, row) => total + Number(row[column] ?? 0), 0);

describe('the warehouse reports, scoped, as JSON and CSV, audited', () => {
  let producer: Producer;
  let national: ApiClient;
  let northEast: ApiClient;
  let london: ApiClient;
  let westYorkshire: ApiClient;
  let westYorkshireInput: ApiClient;
  const westYorkshireEvents = caseEventStream({ cases: 12, organisationCode: 'QWO', regionCode: 'Y63', withdrawEvery: 4, year: 2019, random: seededRandom(21) });
  const londonEvents = caseEventStream({ cases: 6, organisationCode: 'QMJ', regionCode: 'Y56', year: 2019, random: seededRandom(22) });
  const westYorkshireCases = finalSnapshots(westYorkshireEvents);
  const londonCases = finalSnapshots(londonEvents);

  const report = async (client: ApiClient, path: string) => {
    const response = await client.get<Report>(path);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: 'e2e-reports', brokers: requiredEnv('SCRT_TEST_KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    [national, northEast, london, westYorkshire, westYorkshireInput] = await Promise.all([
      apiAsUser('national.analyst'),
      apiAsUser('region.oversight'),
      apiAsUser('region.london'),
      apiAsUser('icb.reporting'),
      apiAsUser('icb.input'),
    ]);
    const events = [...westYorkshireEvents, ...londonEvents];
    await producer.sendBatch({ topicMessages: events.map(({ topic, key, envelope }) => ({ topic, messages: [{ key, value: JSON.stringify(envelope) }] })) });
    const eventIds = events.map((event) => event.envelope.eventId);
    await eventually(async () => (await countRows('reporting.warehouse_inbox', 'event_id = ANY($1::uuid[])', [eventIds])) === eventIds.length, 'every 2019 event in the warehouse');
    await warehouseSummarised();
  });

  afterAll(async () => {
    await producer?.disconnect();
  });

  it('counts new, open and withdrawn cases by financial year, type, ICB and region for a national analyst, with data as of', async () => {
    const body = await report(national, `/api/v1/reports/caseload?${PERIOD}&period=financialYear`);
    expect(body.scope.tier).toBe('national');
    expect(Date.parse(body.dataAsOf ?? '')).toBeGreaterThan(0);
    const qwo = body.rows.filter((row) => row.organisationCode === 'QWO');
    expect(new Set(qwo.map((row) => row.period))).toEqual(new Set(['2019/20']));
    expect(qwo.every((row) => row.regionCode === 'Y63')).toBe(true);
    const open = westYorkshireCases.filter((snapshot) => !snapshot.withdrawn);
    expect(sum(qwo, 'cases')).toBe(open.length);
    expect(sum(qwo, 'open')).toBe(open.length);
    expect(sum(qwo, 'withdrawn')).toBe(westYorkshireCases.length - open.length);
    for (const type of new Set(open.map((snapshot) => snapshot.reviewType))) {
      expect(qwo.find((row) => row.reviewType === type)?.cases).toBe(open.filter((snapshot) => snapshot.reviewType === type).length);
    }
    const byMonth = await report(national, `/api/v1/reports/caseload?${PERIOD}&period=month&organisationCode=QMJ`);
    expect(byMonth.rows.every((row) => row.organisationCode === 'QMJ' && /^2019-0[4-7]$/.test(String(row.period)))).toBe(true);
    expect(sum(byMonth.rows, 'cases')).toBe(londonCases.length);
  });

  it('shows a region its region, an ICB its own, and nothing of the others', async () => {
    const region = await report(northEast, `/api/v1/reports/caseload?${PERIOD}`);
    expect(region.rows.length).toBeGreaterThan(0);
    expect(region.rows.every((row) => row.regionCode === 'Y63')).toBe(true);
    const other = await report(london, `/api/v1/reports/caseload?${PERIOD}&period=quarter`);
    expect(other.rows.every((row) => row.regionCode === 'Y56')).toBe(true);
    expect(sum(other.rows, 'cases')).toBe(londonCases.length);
    const icb = await report(westYorkshire, `/api/v1/reports/themes?${PERIOD}`);
    expect(icb.rows.length).toBeGreaterThan(0);
    expect(icb.rows.every((row) => row.organisationCode === 'QWO')).toBe(true);
    const askingForAnother = await report(westYorkshire, `/api/v1/reports/caseload?${PERIOD}&organisationCode=QMJ`);
    expect(askingForAnother.rows).toEqual([]);
  });

  it('counts themes, designated-professional workload and data quality from the same facts', async () => {
    const open = westYorkshireCases.filter((snapshot) => !snapshot.withdrawn);
    const themes = (await report(national, `/api/v1/reports/themes?${PERIOD}&organisationCode=QWO`)).rows;
    expect(sum(themes, 'count')).toBe(open.reduce((total, snapshot) => total + snapshot.themes.length, 0));
    expect(sum(themes, 'asFirstTheme')).toBe(open.length);
    const workload = (await report(national, `/api/v1/reports/workload?${PERIOD}&organisationCode=QWO`)).rows;
    expect(sum(workload, 'cases')).toBe(open.length);
    const quality = (await report(national, `/api/v1/reports/data-quality?${PERIOD}&organisationCode=QWO`)).rows;
    expect(sum(quality, 'missingIdentifiers')).toBe(open.filter((snapshot) => snapshot.identifiers.length === 0).length);
    expect(sum(quality, 'staleRecords')).toBe(0);
  });

  it('streams the same rows as CSV to those who may export, and audits each read and export', async () => {
    const json = await report(national, `/api/v1/reports/caseload?${PERIOD}&period=quarter`);
    const exportsBefore = await countRows('reporting.audit_event', "resource_type = 'caseload-report' AND action = 'export' AND outcome = 'success'");
    const csv = await fetch(new URL(`/api/v1/reports/caseload/csv?${PERIOD}&period=quarter`, national.baseUrl), { headers: { authorization: `Bearer ${national.accessToken}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(Date.parse(csv.headers.get('x-data-as-of') ?? '')).toBeGreaterThan(0);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('period,regionCode,organisationCode,reviewType,cases,open,closed,withdrawn');
    expect(lines.slice(1)).toEqual(json.rows.map((row) => [row.period, row.regionCode, row.organisationCode, row.reviewType, row.cases, row.open, row.closed, row.withdrawn].join(',')));
    expect(await countRows('reporting.audit_event', "resource_type = 'caseload-report' AND action = 'export' AND outcome = 'success'")).toBe(exportsBefore + 1);
    expectProblem(await westYorkshireInput.get(`/api/v1/reports/caseload/csv?${PERIOD}`), 403, 'FORBIDDEN');
    expect(await countRows('reporting.audit_event', "resource_type = 'caseload-report' AND action = 'read' AND outcome = 'success'")).toBeGreaterThan(0);
  });

  it('lets machine clients of NHS England, a region and an ICB pull reports and a resumable extract, within scope and nothing else', async () => {
    const [nhse, region, icb] = await Promise.all([apiAsClient('nhse-reporting-system'), apiAsClient('y63-reporting-system'), apiAsClient('qwo-reporting-system')]);
    const regionRows = (await report(region, `/api/v1/reports/caseload?${PERIOD}`)).rows;
    expect(regionRows.every((row) => row.regionCode === 'Y63')).toBe(true);
    expect((await report(icb, `/api/v1/reports/caseload?${PERIOD}`)).rows.every((row) => row.organisationCode === 'QWO')).toBe(true);
    expectProblem(await nhse.post('/api/v1/cases', { incidentDate: '2019-01-01', reviewType: 'SAR' }), 403, 'FORBIDDEN');

    const pulled = new Map<string, { version: number; icbInForce: string }>();
    let watermark = '0';
    let pages = 0;
    for (let hasMore = true; hasMore; pages += 1) {
      const page = await nhse.get<{ items: { caseId: string; version: number; icbInForce: string; changeSeq: string }[]; nextWatermark: string; hasMore: boolean }>(`/api/v1/reports/extract/cases?after=${watermark}&limit=7`);
      expect(page.status).toBe(200);
      for (const item of page.body.items) pulled.set(item.caseId, item);
      if (page.body.items.length > 0) expect(page.body.nextWatermark).toBe(page.body.items.at(-1)!.changeSeq);
      watermark = page.body.nextWatermark;
      hasMore = page.body.hasMore;
    }
    expect(pages).toBeGreaterThan(1);
    for (const snapshot of [...westYorkshireCases, ...londonCases]) expect(pulled.get(snapshot.caseId)).toMatchObject({ icbInForce: expect.any(String) });
    const finalVersion = (events: PublishedEvent[], caseId: string) => Math.max(...events.filter((event) => event.key === caseId).map((event) => Number((event.envelope.payload as { case?: { version: number }; version?: number }).case?.version ?? (event.envelope.payload as { version: number }).version)));
    expect(pulled.get(westYorkshireCases[0].caseId)?.version).toBe(finalVersion(westYorkshireEvents, westYorkshireCases[0].caseId));

    const resumed = await nhse.get<{ items: unknown[]; nextWatermark: string; hasMore: boolean }>(`/api/v1/reports/extract/cases?after=${watermark}`);
    expect(resumed.body).toMatchObject({ items: [], nextWatermark: watermark, hasMore: false });
    const icbExtract = await icb.get<{ items: { organisationCode: string }[] }>('/api/v1/reports/extract/cases?limit=1000');
    expect(icbExtract.body.items.every((item) => item.organisationCode === 'QWO')).toBe(true);
    expect(await countRows('reporting.audit_event', "resource_type = 'case-facts-extract' AND action = 'export' AND actor_subject = 'nhse-reporting-system'")).toBe(pages + 1);
  });
});
