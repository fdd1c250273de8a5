import { performance } from 'node:perf_hooks';
import { Topics, type EventEnvelope, type OrganisationChangedV1 } from '@scrt/contracts';
import { OrganisationHierarchy, snapshotOfLatestEvents } from '@scrt/reference-copy';
import { apiAsUser, eventually, type ApiClient, queryTestDatabase } from '@scrt/testing';
import { HEADER, MERGER_2026, SETUP_2022 } from '../apps/reference-data/src/organisations/import/merger-fixture.js';
import { countMessages, readMessages } from '../libs/messaging/src/testing/test-kafka.js';
import { countRows } from './support.js';

const ORGS = '/api/v1/reference-data/organisations';
const TODAY_AFTER_MERGER = '2026-12-01';

interface Problem {
  code: string;
  errors?: { field: string; code: string; line: number; column: string }[];
}
interface Report {
  dryRun: boolean;
  rows: number;
  changed: string[];
  errors: { line: number; column: string; code: string }[];
}
interface Organisation {
  odsCode: string;
  parentOdsCode: string | null;
  effectiveTo: string | null;
}

const codes = (items: Organisation[]) => items.map((org) => org.odsCode);

describe('reference data: organisations through time, through the gateway (fictional Z codes)', () => {
  let admin: ApiClient;
  let reader: ApiClient;

  beforeAll(async () => {
    [admin, reader] = await Promise.all([apiAsUser('refdata.admin'), apiAsUser('icb.input')]);
  });

  it('serves the seeded 2022 hierarchy: NHS England over 7 regions over the ICBs', async () => {
    const hierarchy = await reader.get<{ items: Organisation[] }>(`${ORGS}/hierarchy?asAt=2023-01-01`);
    expect(hierarchy.status).toBe(200);
    expect(hierarchy.body.items.filter((org) => org.parentOdsCode === 'X24')).toHaveLength(7);
    const ancestors = await reader.get<{ items: Organisation[] }>(`${ORGS}/QWO/ancestors`);
    expect(codes(ancestors.body.items)).toEqual(['Y63', 'X24']);
    expect((await reader.get(`${ORGS}/hierarchy?asAt=2023-02-30`)).status).toBe(400);
  });

  it('lets only reference-data managers import changes', async () => {
    const refused = await reader.post(`${ORGS}/changes?dryRun=true`, { csv: SETUP_2022 });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });

  it('imports the merger of two ICBs and a boundary change: dry run first, then for real, audited', async () => {
    const setup = await admin.post<Report>(`${ORGS}/changes`, { csv: SETUP_2022 });
    expect(setup.status).toBe(200);
    expect(setup.body.changed).toEqual(['Z1A', 'Z2A', 'Z2B', 'ZA1', 'ZA2', 'ZB1']);

    const dryRun = await admin.post<Report>(`${ORGS}/changes?dryRun=true`, { csv: MERGER_2026 });
    expect(dryRun.body).toEqual({ dryRun: true, rows: 6, changed: ['Z1A', 'Z2A', 'Z2B', 'ZA1', 'ZA2', 'ZA3'], errors: [] });
    expect((await reader.get(`${ORGS}/ZA3`)).status).toBe(404);
    expect((await reader.get<Organisation>(`${ORGS}/ZA1`)).body.effectiveTo).toBeNull();

    const auditedBefore = await countRows('refdata.audit_event', `resource_type = 'organisation' AND actor_subject IS NOT NULL`);
    expect((await admin.post<Report>(`${ORGS}/changes`, { csv: MERGER_2026 })).status).toBe(200);
    expect(await countRows('refdata.audit_event', `resource_type = 'organisation' AND actor_subject IS NOT NULL`)).toBe(auditedBefore + 6);

    const successor = await reader.get(`${ORGS}/ZA1/successor?asAt=${TODAY_AFTER_MERGER}`);
    expect(successor.body).toMatchObject({ inForce: false, successorOdsCode: 'ZA3' });
    expect((await reader.get(`${ORGS}/ZA3/successor`)).body).toMatchObject({ successorOdsCode: 'ZA3', predecessorOdsCodes: ['ZA1', 'ZA2'] });
    expect(codes((await reader.get<{ items: Organisation[] }>(`${ORGS}/Z2A/ancestors?asAt=2026-03-31`)).body.items)).toEqual(['ZA2', 'Y56', 'X24']);
    expect(codes((await reader.get<{ items: Organisation[] }>(`${ORGS}/Z2A/ancestors?asAt=2026-04-01`)).body.items)).toEqual(['ZB1', 'Y61', 'X24']);
    expect(codes((await reader.get<{ items: Organisation[] }>(`${ORGS}/ZA3/descendants?asAt=${TODAY_AFTER_MERGER}`)).body.items).sort()).toEqual(['Z1A', 'Z2B']);

    const history = await reader.get<{ parentLinks: unknown[]; successorOdsCodes: string[]; changes: { actorSubject: string }[] }>(`${ORGS}/Z2A/history`);
    expect(history.body.parentLinks).toEqual([
      { parentOdsCode: 'ZA2', effectiveFrom: '2022-07-01', effectiveTo: '2026-03-31' },
      { parentOdsCode: 'ZB1', effectiveFrom: '2026-04-01', effectiveTo: null },
    ]);
    expect(history.body.changes).toHaveLength(2);
  });

  it("rolls the predecessors' records up to the new ICB, and refuses their codes for new records", async () => {
    const rollUp = await reader.get(`${ORGS}/ZA2/roll-up?asAt=${TODAY_AFTER_MERGER}`);
    expect(rollUp.body).toMatchObject({ recordOdsCode: 'ZA2', currentOdsCode: 'ZA3', icbOdsCode: 'ZA3', regionOdsCode: 'Y56', nationalOdsCode: 'X24', validForNewRecords: false });
    const newIcb = await reader.get<{ recordOdsCodes: string[]; validForNewRecords: boolean }>(`${ORGS}/ZA3/roll-up?asAt=${TODAY_AFTER_MERGER}`);
    expect(newIcb.body.validForNewRecords).toBe(true);
    expect(newIcb.body.recordOdsCodes).toEqual(['Z1A', 'Z2B', 'ZA1', 'ZA2', 'ZA3']);
    expect((await reader.get(`${ORGS}/Z2A/roll-up?asAt=${TODAY_AFTER_MERGER}`)).body).toMatchObject({ icbOdsCode: 'ZB1', regionOdsCode: 'Y61' });
    expect((await reader.get(`${ORGS}/ZA2/roll-up?asAt=2026-03-31`)).body).toMatchObject({ icbOdsCode: 'ZA2', validForNewRecords: true });
  });

  it('refuses a bad change file with problem+json naming each row and column, and changes nothing', async () => {
    const bad = `${HEADER}
ZC1,Fictional,sub_icb,ZZZ,2026-06-01,,
ZC2,Fictional,icb,Y56,2026-03-01,,ZB1
ZC3,Fictional,icb,Y56,2026-06-01,2026-05-01,
ZA3,Fictional North and Central ICB,icb,Y56,2021-01-01,,
`;
    const response = await admin.post<Problem>(`${ORGS}/changes`, { csv: bad });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('CSV_INVALID');
    expect(response.body.errors?.map((error) => `${error.line}:${error.column}:${error.code}`)).toEqual([
      '2:parent_ods_code:UNKNOWN_PARENT',
      '3:predecessor_ods_codes:SUCCESSOR_BEFORE_PREDECESSOR_ENDS',
      '4:effective_to:INVALID_PERIOD',
      '5:effective_from:OVERLAPPING_PERIOD',
    ]);
    expect((await reader.get(`${ORGS}/ZC1`)).status).toBe(404);
    const dryRun = await admin.post<Report>(`${ORGS}/changes?dryRun=true`, { csv: bad });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.errors).toHaveLength(4);
    expect(dryRun.body.changed).toEqual([]);
  });

  it('serialises concurrent imports: of two changes each fine alone but not together, one is refused', async () => {
    for (const round of [1, 2, 3]) {
      const [icb, subIcb] = [`ZE${round}`, `ZF${round}`];
      expect((await admin.post(`${ORGS}/changes`, { csv: `${HEADER}\n${icb},Fictional ICB ${round},icb,Y61,2022-07-01,,` })).status).toBe(200);
      const [addChild, closeParent] = await Promise.all([
        admin.post(`${ORGS}/changes`, { csv: `${HEADER}\n${subIcb},Fictional sub-ICB location ${round},sub_icb,${icb},2023-01-01,,` }),
        admin.post(`${ORGS}/changes`, { csv: `${HEADER}\n${icb},Fictional ICB ${round},icb,Y61,2022-07-01,2026-06-30,` }),
      ]);
      expect([addChild.status, closeParent.status].sort()).toEqual([200, 400]);
    }
  });

  it('publishes every organisation, and a new consumer rebuilds the hierarchy from the topic alone', async () => {
    const topic = Topics.organisationChangedV1;
    const outboxed = await countRows('refdata.outbox_event', 'topic = $1', [topic]);
    // Each organisation once when created, and again for each change (the merger changed five existing ones).
    expect(outboxed).toBeGreaterThanOrEqual((await countRows('refdata.organisation')) + 5);
    await eventually(async () => (await countMessages(topic)) >= outboxed, `${outboxed} events on ${topic}`);

    const started = performance.now();
    const latest = new Map<string, OrganisationChangedV1>();
    const messages = await readMessages(topic, outboxed);
    for (const { message } of messages.sort((a, b) => Number(a.message.offset) - Number(b.message.offset))) {
      const envelope = JSON.parse(message.value!.toString()) as EventEnvelope<OrganisationChangedV1>;
      latest.set(message.key!.toString(), envelope.payload);
    }
    const copy = new OrganisationHierarchy(snapshotOfLatestEvents(latest.values()));
    const rebuildMs = performance.now() - started;
    console.log(`organisation hierarchy copy rebuilt from ${messages.length} events on ${topic} in ${rebuildMs.toFixed(0)} ms`);

    expect(latest.size).toBe(await countRows('refdata.organisation'));
    expect(copy.rollUp('ZA2', TODAY_AFTER_MERGER)).toMatchObject({ icbOdsCode: 'ZA3', regionOdsCode: 'Y56', nationalOdsCode: 'X24' });
    expect(copy.rollUp('QWO', TODAY_AFTER_MERGER)).toMatchObject({ icbOdsCode: 'QWO', regionOdsCode: 'Y63' });
    expect(copy.canSeeRecord({ tier: 'icb', organisationCode: 'ZA3' }, 'ZA1', TODAY_AFTER_MERGER)).toBe(true);
    expect(copy.isValidForNewRecord('ZA1', TODAY_AFTER_MERGER)).toBe(false);

    // The gateway's own copy (its tier derivation) follows through its inbox.
    const organisations = await countRows('refdata.organisation');
    await eventually(async () => (await countRows('gateway.reference_organisation')) === organisations, "the gateway's copy holding every organisation");
    const [merged] = await queryTestDatabase<{ state: { parentLinks: unknown[]; predecessors: { odsCode: string }[] } }>(`SELECT state FROM gateway.reference_organisation WHERE ods_code = 'ZA3'`);
    expect(merged.state.predecessors.map((predecessor) => predecessor.odsCode).sort()).toEqual(['ZA1', 'ZA2']);
  });
});
