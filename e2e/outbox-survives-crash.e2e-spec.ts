import { caseInput, apiAsUser, killApp, startApp, waitReady } from '@scrt/testing';
import { eventually } from '@scrt/testing';
import { countRows } from './support.js';

/**
 * A 201 means the case and its event are committed together: killing case-intake before its
 * relay publishes loses nothing, and the restarted relay delivers the event to reporting once.
 */
describe('an acknowledged case survives kill -9 of case-intake before its event is published', () => {
  afterAll(async () => {
    await killApp('case-intake', 'SIGKILL');
    await startApp('case-intake', {});
    await waitReady('case-intake');
  });

  it('reaches reporting exactly once after the restart', async () => {
    await killApp('case-intake', 'SIGKILL');
    await startApp('case-intake', { OUTBOX_RELAY_ENABLED: 'false' });
    await waitReady('case-intake');

    const client = await apiAsUser('icb.input');
    const created = await client.post('/api/v1/cases', caseInput({ incidentDate: '2026-04-01', reviewType: 'CSPR_LOCAL' }));
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;

    await killApp('case-intake', 'SIGKILL');
    expect(await countRows('intake.outbox_event', "message_key = $1 AND published_at IS NULL", [caseId])).toBe(1);
    expect(await countRows('reporting.case_fact', 'case_id = $1', [caseId])).toBe(0);

    await startApp('case-intake', {});
    await waitReady('case-intake');
    await eventually(async () => (await countRows('reporting.case_fact', 'case_id = $1', [caseId])) === 1, 'the case in the reporting warehouse');
    await eventually(async () => (await countRows('intake.outbox_event', 'message_key = $1 AND published_at IS NOT NULL', [caseId])) === 1, 'the outbox row marked published');

    // Give any duplicate delivery time to arrive; the inbox must still show one application.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await countRows('reporting.case_fact', 'case_id = $1', [caseId])).toBe(1);
    expect(await countRows('reporting.inbox_event', "consumer = 'reporting.caseload' AND event_id = (SELECT source_event_id FROM reporting.case_fact WHERE case_id = $1)", [caseId])).toBe(1);
  });
});
