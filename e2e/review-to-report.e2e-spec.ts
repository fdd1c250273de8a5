import { apiAsUser, eventually, queryTestDatabase, type ApiClient } from '@scrt/testing';
import { caseSnapshot, CaseEvents } from './reviews-support.js';

const REVIEWS = '/api/v1/reviews';
type Row = Record<string, string | number | null>;
interface Report {
  rows: Row[];
}
interface Review {
  id: string;
  version: number;
  clocks: { clock: string; dueDate: string | null }[];
}

const sum = (rows: Row[], column: string, where: (row: Row) => boolean = () => true) => rows.filter(where).reduce((total, row) => total + Number(row[column] ?? 0), 0);

/**
 * A rapid review of North Central London (QMJ), converted to a SAR with a recommendation and an
 * overdue action, reaches the warehouse through the review events and shows up in the reports,
 * counted as deltas (other tests add reviews of today too), and only to those who may see it.
 */
describe('a review lifecycle through the gateway reaches the conversion, timeliness and learning reports', () => {
  let input: ApiClient;
  let national: ApiClient;
  let london: ApiClient;
  let northEast: ApiClient;
  let westYorkshire: ApiClient;
  let events: CaseEvents;
  const rapidCase = caseSnapshot({ organisationCode: 'QMJ', regionCode: 'Y56', reviewType: 'RAPID_REVIEW', incidentDate: '2026-09-01' });

  const report = async (client: ApiClient, name: string, query = 'organisationCode=QMJ') => {
    const response = await client.get<Report>(`/api/v1/reports/${name}?${query}`);
    expect(response.status).toBe(200);
    return response.body.rows;
  };
  const counts = async () => {
    const conversion = await report(national, 'conversion');
    const timeliness = await report(national, 'timeliness');
    const learning = await report(national, 'learning');
    return {
      rapidReviews: sum(conversion, 'rapidReviews'),
      converted: sum(conversion, 'converted'),
      toSar: sum(conversion, 'toSar'),
      timedRapidReviews: sum(timeliness, 'reviews', (row) => row.reviewType === 'RAPID_REVIEW'),
      timedSars: sum(timeliness, 'reviews', (row) => row.reviewType === 'SAR'),
      recommendations: sum(learning, 'items', (row) => row.kind === 'recommendation'),
      actions: sum(learning, 'items', (row) => row.kind === 'action'),
      overdueActions: sum(learning, 'overdue', (row) => row.kind === 'action'),
    };
  };

  beforeAll(async () => {
    [input, national, london, northEast, westYorkshire] = await Promise.all([
      apiAsUser('icb.input.qmj'),
      apiAsUser('national.analyst'),
      apiAsUser('region.london'),
      apiAsUser('region.oversight'),
      apiAsUser('icb.reporting'),
    ]);
    events = await CaseEvents.connect();
    await events.created(rapidCase);
    await events.known(rapidCase);
  });

  afterAll(() => events?.disconnect());

  it('counts the converted rapid review, both reviews with the notification\'s and the decision\'s targets and slippage, and the SAR\'s recommendation and overdue action', async () => {
    const before = await counts();
    const post = async <T>(path: string, body: object, version?: number) => {
      const response = await input.post<T>(path, body, version === undefined ? {} : { 'if-match': `"${version}"` });
      expect([200, 201]).toContain(response.status);
      return response.body;
    };
    let rapid = await post<Review>(REVIEWS, { caseId: rapidCase.caseId, notifiedOn: '2026-09-07' });
    const notificationTarget = rapid.clocks.find((clock) => clock.clock === 'NOTIFICATION')!.dueDate!;
    expect(notificationTarget).toBe('2026-09-08');
    rapid = await post<Review>(`${REVIEWS}/${rapid.id}/stage-changes`, { stage: 'RAPID_REVIEW', occurredOn: '2026-09-07' }, rapid.version);
    const rapidTarget = rapid.clocks.find((clock) => clock.clock === 'RAPID_REVIEW')!.dueDate!;
    expect(rapidTarget).toBe('2026-09-28');
    rapid = await post<Review>(`${REVIEWS}/${rapid.id}/stage-changes`, { stage: 'DECISION', occurredOn: '2026-10-07' }, rapid.version);
    const sar = await post<Review>(`${REVIEWS}/${rapid.id}/conversion`, { reviewType: 'SAR', decidedOn: '2026-10-07' }, rapid.version);
    const recommendation = await post<{ id: string }>(`${REVIEWS}/${sar.id}/recommendations`, { text: 'Agencies should escalate missed appointments of adults at risk.', theme: 'INFORMATION_SHARING', agency: 'PRIMARY_CARE', dueDate: '2027-03-31' });
    await post(`${REVIEWS}/actions`, { recommendationId: recommendation.id, description: 'Add missed appointments to the escalation policy.', owner: 'Named GP for safeguarding', dueDate: '2026-11-20' });

    const expected = {
      rapidReviews: before.rapidReviews + 1,
      converted: before.converted + 1,
      toSar: before.toSar + 1,
      timedRapidReviews: before.timedRapidReviews + 1,
      timedSars: before.timedSars + 1,
      recommendations: before.recommendations + 1,
      actions: before.actions + 1,
      overdueActions: before.overdueActions + 1,
    };
    await eventually(async () => JSON.stringify(await counts()) === JSON.stringify(expected), 'the review and its learning in the reports');
    expect(await counts()).toEqual(expected);

    const transitions = await queryTestDatabase<{ to_stage: string; from_stage: string; entered_on: string; target_on: string | null; slippage_days: number | null }>(
      'SELECT to_stage, from_stage, entered_on::text, target_on::text, slippage_days FROM reporting.stage_transition_fact WHERE review_id = $1 ORDER BY entered_on, to_stage',
      [rapid.id],
    );
    expect(transitions).toEqual([
      { to_stage: 'NOTIFIED', from_stage: 'NONE', entered_on: '2026-09-07', target_on: notificationTarget, slippage_days: -1 },
      { to_stage: 'RAPID_REVIEW', from_stage: 'NOTIFIED', entered_on: '2026-09-07', target_on: null, slippage_days: null },
      { to_stage: 'CLOSED', from_stage: 'DECISION', entered_on: '2026-10-07', target_on: null, slippage_days: null },
      { to_stage: 'DECISION', from_stage: 'RAPID_REVIEW', entered_on: '2026-10-07', target_on: rapidTarget, slippage_days: 9 },
    ]);
    const [learning] = await queryTestDatabase<{ review_type: string }>('SELECT review_type FROM reporting.learning_fact WHERE item_id = $1', [recommendation.id]);
    expect(learning.review_type).toBe('SAR');
  });

  it('shows them to London and the nation, not to another region or ICB', async () => {
    expect(sum(await report(london, 'conversion', ''), 'converted', (row) => row.organisationCode === 'QMJ')).toBeGreaterThan(0);
    expect(sum(await report(london, 'learning', ''), 'items', (row) => row.organisationCode === 'QMJ')).toBeGreaterThan(0);
    for (const name of ['conversion', 'timeliness', 'learning']) {
      expect((await report(northEast, name, '')).map((row) => row.organisationCode)).not.toContain('QMJ');
      expect(await report(westYorkshire, name)).toEqual([]);
    }
  });
});
