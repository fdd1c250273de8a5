import { randomUUID } from 'node:crypto';
import { apiAsUser, eventually, type ApiClient, type ApiResponse, queryTestDatabase } from '@scrt/testing';
import { caseSnapshot, CaseEvents } from './reviews-support.js';
import { countRows, expectProblem } from './support.js';

const REVIEWS = '/api/v1/reviews';

interface Clock {
  clock: string;
  startedOn: string;
  dueDate: string | null;
  pausedWorkingDays: number;
  metOn: string | null;
  rag: string | null;
  slippageWorkingDays: number | null;
  target: { amount: number; unit: string; timescaleVersion: number };
}

interface Review {
  id: string;
  caseId: string;
  reviewType: string;
  stage: string;
  status: string;
  version: number;
  convertedFromId: string | null;
  convertedToId: string | null;
  signedOffOn: string | null;
  publicationState: string | null;
  publishedOn: string | null;
  paused: boolean;
  stages: { stage: string; subStage: string | null; occurredOn: string; recordedBy: string }[];
  pauses: { reason: string; pausedOn: string; resumedOn: string | null }[];
  clocks: Clock[];
}

const clockOf = (review: Review, name: string) => review.clocks.find((clock) => clock.clock === name);

/** What a refused request must leave as it was: the review, its history, its events. */
async function footprint(reviewId: string) {
  const [row] = await queryTestDatabase<{ version: number; stage: string }>('SELECT version, stage FROM reviews.review WHERE id = $1', [reviewId]);
  return {
    row,
    stages: await countRows('reviews.review_stage_change', 'review_id = $1', [reviewId]),
    pauses: await countRows('reviews.review_pause', 'review_id = $1', [reviewId]),
    events: await countRows('reviews.outbox_event', 'message_key = $1', [reviewId]),
  };
}

interface Action {
  id: string;
  status: string;
  overdue: boolean;
  version: number;
}

interface Recommendation {
  id: string;
  status: string;
  version: number;
  learningEmbeddedOn: string | null;
  reAuditOutcome: string | null;
  actions: Action[];
  similar?: { matches: { id: string; similarity: number; implemented: boolean }[]; reviews: number; organisations: number; implemented: number };
}

const NEGLECT_RECOMMENDATION = 'Partner agencies should share concerns about neglect at the first multi-agency strategy meeting.';

describe('reviews through the gateway: a rapid review from notification through conversion to a CSPR, to publication, learning embedded and closure', () => {
  let input: ApiClient;
  let otherIcb: ApiClient;
  let region: ApiClient;
  let otherRegion: ApiClient;
  let events: CaseEvents;
  const rapidCase = caseSnapshot();
  const lateCase = caseSnapshot({ incidentDate: '2026-09-25' });
  let rapid: Review;
  let cspr: Review;

  const change = async (review: Review, path: string, body: object): Promise<Review> => {
    const response = await input.post<Review>(`${REVIEWS}/${review.id}/${path}`, body, { 'if-match': `"${review.version}"` });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${response.body.version}"`);
    return response.body;
  };

  /** Refused with this problem, and nothing stored or emitted. */
  const expectRefused = async (review: Review, send: () => Promise<ApiResponse>, status: number, code: string, field?: string) => {
    const before = await footprint(review.id);
    expectProblem(await send(), status, code, field);
    expect(await footprint(review.id)).toEqual(before);
  };

  /** The CSPR's learning: a recommendation, its action completed with evidence, learning embedded and re-audited; a factor, a lesson, a dissemination. */
  const recordLearning = async () => {
    const recorded = await input.post<Recommendation>(`${REVIEWS}/${cspr.id}/recommendations`, { text: NEGLECT_RECOMMENDATION, theme: 'INFORMATION_SHARING', agency: 'PRIMARY_CARE', lead: 'Designated nurse', dueDate: '2027-03-31' });
    expect(recorded.status).toBe(201);
    let recommendation = recorded.body;
    expect(recommendation).toMatchObject({ status: 'ACCEPTED', version: 1, actions: [] });

    const actionBody = { recommendationId: recommendation.id, description: 'Add neglect to the strategy meeting agenda template.', owner: 'Named GP for safeguarding', dueDate: '2026-11-20' };
    const before = await countRows('reviews.recommendation_action', 'recommendation_id = $1', [recommendation.id]);
    const eventsBefore = await countRows('reviews.outbox_event', `topic = 'reviews.action.updated.v1'`);
    expectProblem(await otherIcb.post(`${REVIEWS}/actions`, actionBody), 422, 'RECOMMENDATION_NOT_FOUND', 'recommendationId');
    expect(await countRows('reviews.recommendation_action', 'recommendation_id = $1', [recommendation.id])).toBe(before);
    expect(await countRows('reviews.outbox_event', `topic = 'reviews.action.updated.v1'`)).toBe(eventsBefore);

    const created = await input.post<Action>(`${REVIEWS}/actions`, actionBody);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'NOT_STARTED', overdue: true });
    const myWork = await input.get<{ overdueActions: Action[] }>(`${REVIEWS}/my-work`);
    expect(myWork.body.overdueActions.map((action) => action.id)).toContain(created.body.id);

    const embed = () => input.post(`${REVIEWS}/recommendations/${recommendation.id}/learning-embedded`, { embeddedOn: '2026-11-28', reAuditDue: '2027-05-31' }, { 'if-match': `"${recommendation.version}"` });
    expectProblem(await embed(), 409, 'ACTIONS_NOT_COMPLETE');
    expectProblem(await input.post(`${REVIEWS}/actions/${created.body.id}/updates`, { status: 'COMPLETED', completedOn: '2026-11-27' }, { 'if-match': '"1"' }), 422, 'EVIDENCE_REQUIRED', 'evidenceText');
    const completed = await input.post<Action>(`${REVIEWS}/actions/${created.body.id}/updates`, { status: 'COMPLETED', evidenceText: 'Template changed and circulated.', evidenceLink: 'https://example.org/evidence.pdf', completedOn: '2026-11-27' }, { 'if-match': '"1"' });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'COMPLETED', overdue: false, version: 2 });

    const embedded = await embed();
    expect(embedded.status).toBe(200);
    recommendation = embedded.body as unknown as Recommendation;
    expect(recommendation.learningEmbeddedOn).toBe('2026-11-28');
    const reAudited = await input.post<Recommendation>(`${REVIEWS}/recommendations/${recommendation.id}/re-audit`, { outcome: 'Concerns shared at the first meeting in 19 of 20 audited.', recordedOn: '2026-11-30' }, { 'if-match': `"${recommendation.version}"` });
    expect(reAudited.body).toMatchObject({ reAuditOutcome: 'Concerns shared at the first meeting in 19 of 20 audited.' });
    const implemented = await input.post<Recommendation>(`${REVIEWS}/recommendations/${recommendation.id}/status-changes`, { status: 'IMPLEMENTED' }, { 'if-match': `"${reAudited.body.version}"` });
    expect(implemented.body.status).toBe('IMPLEMENTED');

    expect((await input.post(`${REVIEWS}/${cspr.id}/learning`, { kind: 'contributory-factor', code: 'INFORMATION_SHARING' })).status).toBe(201);
    expect((await input.post(`${REVIEWS}/${cspr.id}/learning`, { kind: 'lesson', text: 'Missed appointments were not escalated.' })).status).toBe(201);
    expect((await input.post(`${REVIEWS}/${cspr.id}/learning`, { kind: 'good-practice', text: 'The school nurse shared concerns the same day.' })).status).toBe(201);
    expectProblem(await input.post(`${REVIEWS}/${cspr.id}/learning`, { kind: 'contributory-factor' }), 422, 'CODE_REQUIRED', 'code');
    expect((await input.post(`${REVIEWS}/${cspr.id}/disseminations`, { method: 'SEVEN_MINUTE_BRIEFING', audience: 'Primary care safeguarding leads', occurredOn: '2026-11-26', reached: 120 })).status).toBe(201);
    const learning = await region.get<{ contributoryFactors: unknown[]; lessons: unknown[]; goodPractice: unknown[]; disseminations: { reached: number }[] }>(`${REVIEWS}/${cspr.id}/learning`);
    expect(learning.body).toMatchObject({ contributoryFactors: [expect.objectContaining({ code: 'INFORMATION_SHARING' })], lessons: [expect.anything()], goodPractice: [expect.anything()], disseminations: [expect.objectContaining({ reached: 120 })] });
    const listed = await region.get<{ items: Recommendation[] }>(`${REVIEWS}/${cspr.id}/recommendations`);
    expect(listed.body.items.map((item) => item.id)).toEqual([recommendation.id]);
  };

  beforeAll(async () => {
    [input, otherIcb, region, otherRegion] = await Promise.all([apiAsUser('icb.input'), apiAsUser('icb.input.qoq'), apiAsUser('region.oversight'), apiAsUser('region.london')]);
    events = await CaseEvents.connect();
    await events.created(rapidCase);
    await events.created(lateCase);
    await events.known(rapidCase);
    await events.known(lateCase);
  });

  afterAll(() => events?.disconnect());

  it('opens the review of a case it knows from case events, once per case, retried safely with an Idempotency-Key', async () => {
    const key = `e2e-${randomUUID()}`;
    const created = await input.post<Review>(REVIEWS, { caseId: rapidCase.caseId, notifiedOn: '2026-09-07' }, { 'idempotency-key': key });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`${REVIEWS}/${created.body.id}`);
    rapid = created.body;
    expect(rapid).toMatchObject({ caseId: rapidCase.caseId, reviewType: 'RAPID_REVIEW', stage: 'NOTIFIED', status: 'open', version: 1 });
    // the notification target (5 working days from the incident) was met a day early
    expect(clockOf(rapid, 'NOTIFICATION')).toMatchObject({ startedOn: '2026-09-01', dueDate: '2026-09-08', metOn: '2026-09-07', slippageWorkingDays: -1 });

    const replay = await input.post<Review>(REVIEWS, { caseId: rapidCase.caseId, notifiedOn: '2026-09-07' }, { 'idempotency-key': key });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(rapid.id);
    expectProblem(await input.post(REVIEWS, { caseId: rapidCase.caseId, notifiedOn: '2026-09-08' }, { 'idempotency-key': key }), 409, 'IDEMPOTENCY_KEY_REUSED');
    expectProblem(await input.post(REVIEWS, { caseId: rapidCase.caseId, notifiedOn: '2026-09-07' }), 409, 'REVIEW_EXISTS', 'caseId');
    expect(await countRows('reviews.review', 'case_id = $1', [rapidCase.caseId])).toBe(1);
  });

  it('refuses a review for a case it does not know, one the caller may not see, or a date out of order', async () => {
    expectProblem(await input.post(REVIEWS, { caseId: randomUUID(), notifiedOn: '2026-09-07' }), 422, 'CASE_NOT_FOUND', 'caseId');
    expectProblem(await otherIcb.post(REVIEWS, { caseId: lateCase.caseId, notifiedOn: '2026-10-01' }), 422, 'CASE_NOT_FOUND', 'caseId');
    expectProblem(await input.post(REVIEWS, { caseId: lateCase.caseId, notifiedOn: '2026-09-24' }), 422, 'DATE_BEFORE_INCIDENT', 'notifiedOn');
    expectProblem(await input.post(REVIEWS, { caseId: lateCase.caseId, notifiedOn: '2099-01-01' }), 422, 'DATE_IN_THE_FUTURE', 'notifiedOn');
    expectProblem(await region.post(REVIEWS, { caseId: lateCase.caseId, notifiedOn: '2026-10-01' }), 403, 'FORBIDDEN');
    expectProblem(await input.post(REVIEWS, { caseId: 'not-a-uuid', notifiedOn: '2026-13-01' }), 400, 'VALIDATION_FAILED', 'caseId');
    expect(await countRows('reviews.review', 'case_id = $1', [lateCase.caseId])).toBe(0);

    const withdrawn = caseSnapshot();
    await events.created(withdrawn);
    await events.withdrawn(withdrawn);
    await events.known(withdrawn, 2);
    expectProblem(await input.post(REVIEWS, { caseId: withdrawn.caseId, notifiedOn: '2026-09-07' }), 409, 'CASE_WITHDRAWN', 'caseId');
  });

  it('moves the rapid review through its stages, pauses and resumes its clock, and refuses what the rules forbid, storing and emitting nothing', async () => {
    rapid = await change(rapid, 'stage-changes', { stage: 'RAPID_REVIEW', occurredOn: '2026-09-07' });
    expect(clockOf(rapid, 'RAPID_REVIEW')).toMatchObject({ startedOn: '2026-09-07', dueDate: '2026-09-28', target: { amount: 15, unit: 'working_days', timescaleVersion: 1 } });

    const stageChange = (body: object, headers: Record<string, string> = { 'if-match': `"${rapid.version}"` }) => () => input.post(`${REVIEWS}/${rapid.id}/stage-changes`, body, headers);
    await expectRefused(rapid, stageChange({ stage: 'IN_PROGRESS', occurredOn: '2026-09-20' }), 409, 'STAGE_TRANSITION_NOT_ALLOWED', 'stage');
    await expectRefused(rapid, stageChange({ stage: 'DECISION', occurredOn: '2099-01-01' }), 422, 'DATE_IN_THE_FUTURE', 'occurredOn');
    await expectRefused(rapid, stageChange({ stage: 'DECISION', occurredOn: '2026-09-06' }), 422, 'DATE_BEFORE_PREVIOUS_STAGE', 'occurredOn');
    await expectRefused(rapid, stageChange({ stage: 'DECISION', occurredOn: '2026-09-20' }, {}), 428, 'PRECONDITION_REQUIRED');
    await expectRefused(rapid, stageChange({ stage: 'DECISION', occurredOn: '2026-09-20' }, { 'if-match': '"1"' }), 412, 'PRECONDITION_FAILED');
    await expectRefused(rapid, () => otherIcb.post(`${REVIEWS}/${rapid.id}/stage-changes`, { stage: 'DECISION', occurredOn: '2026-09-20' }, { 'if-match': `"${rapid.version}"` }), 404, 'REVIEW_NOT_FOUND');
    await expectRefused(rapid, () => region.post(`${REVIEWS}/${rapid.id}/stage-changes`, { stage: 'DECISION', occurredOn: '2026-09-20' }, { 'if-match': `"${rapid.version}"` }), 403, 'FORBIDDEN');
    await expectRefused(rapid, () => input.post(`${REVIEWS}/${rapid.id}/pause`, { reason: 'NOT_A_REASON', pausedOn: '2026-09-10' }, { 'if-match': `"${rapid.version}"` }), 400, 'VALIDATION_FAILED', 'reason');

    rapid = await change(rapid, 'pause', { reason: 'CRIMINAL_PROCEEDINGS', pausedOn: '2026-09-10' });
    expect(rapid.paused).toBe(true);
    await expectRefused(rapid, stageChange({ stage: 'DECISION', occurredOn: '2026-09-20' }), 409, 'REVIEW_PAUSED');
    await expectRefused(rapid, () => input.post(`${REVIEWS}/${rapid.id}/pause`, { reason: 'CORONER', pausedOn: '2026-09-11' }, { 'if-match': `"${rapid.version}"` }), 409, 'REVIEW_ALREADY_PAUSED');
    rapid = await change(rapid, 'resumption', { resumedOn: '2026-09-17' });
    // five working days paused (11, 14, 15, 16, 17 September) move the target on by five
    expect(clockOf(rapid, 'RAPID_REVIEW')).toMatchObject({ pausedWorkingDays: 5, dueDate: '2026-10-05' });
    expect(rapid.pauses).toEqual([{ reason: 'CRIMINAL_PROCEEDINGS', pausedOn: '2026-09-10', resumedOn: '2026-09-17' }]);

    rapid = await change(rapid, 'stage-changes', { stage: 'DECISION', occurredOn: '2026-10-07' });
    expect(clockOf(rapid, 'RAPID_REVIEW')).toMatchObject({ metOn: '2026-10-07', slippageWorkingDays: 2, rag: null });
  });

  it('converts the rapid review at its decision to a CSPR: a new review linked both ways; the rapid review closes and keeps its dates', async () => {
    const convert = (body: object, headers: Record<string, string> = { 'if-match': `"${rapid.version}"` }) => () => input.post(`${REVIEWS}/${rapid.id}/conversion`, body, headers);
    await expectRefused(rapid, convert({ reviewType: 'RAPID_REVIEW', decidedOn: '2026-10-07' }), 422, 'CONVERSION_TYPE_NOT_ALLOWED', 'reviewType');
    await expectRefused(rapid, convert({ reviewType: 'NO_SUCH_TYPE', decidedOn: '2026-10-07' }), 400, 'VALIDATION_FAILED', 'reviewType');
    await expectRefused(rapid, convert({ reviewType: 'CSPR_LOCAL', decidedOn: '2026-10-06' }), 422, 'DATE_BEFORE_PREVIOUS_STAGE', 'decidedOn');

    const key = `e2e-${randomUUID()}`;
    const converted = await input.post<Review>(`${REVIEWS}/${rapid.id}/conversion`, { reviewType: 'CSPR_LOCAL', decidedOn: '2026-10-07' }, { 'if-match': `"${rapid.version}"`, 'idempotency-key': key });
    expect(converted.status).toBe(201);
    cspr = converted.body;
    expect(cspr).toMatchObject({ caseId: rapidCase.caseId, reviewType: 'CSPR_LOCAL', stage: 'DECISION', convertedFromId: rapid.id, version: 1 });
    expect(clockOf(cspr, 'REVIEW')).toMatchObject({ startedOn: '2026-10-07', dueDate: '2027-04-07', target: { amount: 6, unit: 'calendar_months' } });
    const replay = await input.post<Review>(`${REVIEWS}/${rapid.id}/conversion`, { reviewType: 'CSPR_LOCAL', decidedOn: '2026-10-07' }, { 'if-match': `"${rapid.version}"`, 'idempotency-key': key });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(cspr.id);

    const closed = await input.get<Review>(`${REVIEWS}/${rapid.id}`);
    expect(closed.body).toMatchObject({ stage: 'CLOSED', status: 'closed', convertedToId: cspr.id });
    expect(closed.body.stages.map((entry) => `${entry.stage}@${entry.occurredOn}`)).toEqual(['NOTIFIED@2026-09-07', 'RAPID_REVIEW@2026-09-07', 'DECISION@2026-10-07', 'CLOSED@2026-10-07']);
    rapid = closed.body;
    await expectRefused(rapid, () => input.post(`${REVIEWS}/${rapid.id}/stage-changes`, { stage: 'DECISION', occurredOn: '2026-10-08' }, { 'if-match': `"${rapid.version}"` }), 409, 'REVIEW_CLOSED');
    await expectRefused(rapid, () => input.post(`${REVIEWS}/${rapid.id}/conversion`, { reviewType: 'SAR', decidedOn: '2026-10-08' }, { 'if-match': `"${rapid.version}"` }), 409, 'REVIEW_CLOSED');
  });

  it('takes the CSPR through progress, sign-off and publication to closure; published needs a publication state', async () => {
    cspr = await change(cspr, 'stage-changes', { stage: 'IN_PROGRESS', subStage: 'SCOPING', occurredOn: '2026-10-12' });
    cspr = await change(cspr, 'stage-changes', { stage: 'IN_PROGRESS', subStage: 'DRAFTING', occurredOn: '2026-10-20' });
    await expectRefused(cspr, () => input.post(`${REVIEWS}/${cspr.id}/stage-changes`, { stage: 'CLOSED', occurredOn: '2026-10-21' }, { 'if-match': `"${cspr.version}"` }), 409, 'STAGE_TRANSITION_NOT_ALLOWED', 'stage');
    cspr = await change(cspr, 'stage-changes', { stage: 'SIGNED_OFF', occurredOn: '2026-11-20' });
    expect(cspr).toMatchObject({ status: 'closed', signedOffOn: '2026-11-20' });
    expect(clockOf(cspr, 'REVIEW')).toMatchObject({ metOn: '2026-11-20', rag: null });
    expect(clockOf(cspr, 'REVIEW')!.slippageWorkingDays).toBeLessThan(0);

    await expectRefused(cspr, () => input.post(`${REVIEWS}/${cspr.id}/stage-changes`, { stage: 'PUBLISHED', occurredOn: '2026-11-25' }, { 'if-match': `"${cspr.version}"` }), 422, 'PUBLICATION_STATE_REQUIRED', 'publicationState');
    cspr = await change(cspr, 'stage-changes', { stage: 'PUBLISHED', occurredOn: '2026-11-25', publicationState: 'PUBLISHED', reportLink: 'https://example.org/reports/cspr.pdf' });
    expect(cspr).toMatchObject({ publicationState: 'PUBLISHED', publishedOn: '2026-11-25' });
    await recordLearning();
    cspr = await change(cspr, 'stage-changes', { stage: 'LEARNING_DISSEMINATED', occurredOn: '2026-11-26' });
    cspr = await change(cspr, 'stage-changes', { stage: 'CLOSED', occurredOn: '2026-11-27' });
    expect(cspr.stages.map((entry) => entry.stage)).toEqual(['DECISION', 'IN_PROGRESS', 'IN_PROGRESS', 'SIGNED_OFF', 'PUBLISHED', 'LEARNING_DISSEMINATED', 'CLOSED']);
  });

  it('emitted every change through the outbox and audited every read and change', async () => {
    const ALERTED = 'reviews.review.deadline-alerted.v1';
    // the service's own scheduler may fire the rapid review's past-due alerts meanwhile: once per clock and threshold at most
    const alerts = await queryTestDatabase<{ key: string }>(`SELECT envelope->'payload'->>'clock' || ':' || (envelope->'payload'->>'threshold') AS key FROM reviews.outbox_event WHERE message_key = $1 AND topic = $2`, [rapid.id, ALERTED]);
    expect(new Set(alerts.map((alert) => alert.key)).size).toBe(alerts.length);
    const topicsOf = async (reviewId: string) =>
      (await queryTestDatabase<{ topic: string }>('SELECT topic FROM reviews.outbox_event WHERE message_key = $1 AND topic <> $2 ORDER BY created_at, id', [reviewId, ALERTED])).map((row) => row.topic);
    expect(await topicsOf(rapid.id)).toEqual([
      'reviews.review.created.v1',
      'reviews.review.stage-changed.v1',
      'reviews.review.updated.v1',
      'reviews.review.updated.v1',
      'reviews.review.stage-changed.v1',
      'reviews.review.stage-changed.v1',
    ]);
    expect((await topicsOf(cspr.id)).filter((topic) => topic === 'reviews.review.stage-changed.v1')).toHaveLength(6);
    await eventually(async () => (await countRows('reviews.outbox_event', 'message_key = $1 AND published_at IS NULL', [cspr.id])) === 0, 'the relay to publish the review events');
    // stage changes to RAPID_REVIEW and DECISION, pause, resume; the conversion is audited as the new review's creation
    expect(await countRows('reviews.audit_event', `resource_id = $1 AND action = 'update' AND outcome = 'success'`, [rapid.id])).toBe(4);
    expect(await countRows('reviews.audit_event', `resource_id = $1 AND action = 'create' AND outcome = 'success'`, [cspr.id])).toBe(1);
    expect(await countRows('reviews.audit_event', `resource_id = $1 AND action = 'read' AND outcome = 'success'`, [rapid.id])).toBeGreaterThanOrEqual(1);
  });

  it("shows a regional user which reviews in the region are past their targets; other ICBs and regions see none of them", async () => {
    const late = await input.post<Review>(REVIEWS, { caseId: lateCase.caseId, notifiedOn: '2026-10-01' });
    expect(late.status).toBe(201);
    const running = await input.post<Review>(`${REVIEWS}/${late.body.id}/stage-changes`, { stage: 'RAPID_REVIEW', occurredOn: '2026-10-01' }, { 'if-match': '"1"' });
    expect(clockOf(running.body, 'RAPID_REVIEW')).toMatchObject({ dueDate: '2026-10-22', rag: 'red' });

    const pastTarget = await region.get<{ items: Review[] }>(`${REVIEWS}?pastTarget=true&limit=200`);
    expect(pastTarget.status).toBe(200);
    expect(pastTarget.body.items.map((review) => review.id)).toContain(late.body.id);
    expect(pastTarget.body.items.map((review) => review.id)).not.toContain(cspr.id);
    expect((await region.get(`${REVIEWS}/${late.body.id}`)).status).toBe(200);
    const myWork = await input.get<{ reviews: Review[] }>(`${REVIEWS}/my-work`);
    expect(myWork.body.reviews.map((review) => review.id)).toContain(late.body.id);

    // a repeated recommendation: the CSPR's is shown when a like one is recorded on another review
    const repeated = await input.post<Recommendation>(`${REVIEWS}/${late.body.id}/recommendations`, { text: 'All agencies should share neglect concerns at the first multi-agency strategy meeting.', theme: 'INFORMATION_SHARING', agency: 'ICB' });
    expect(repeated.status).toBe(201);
    const [closest] = repeated.body.similar!.matches;
    expect(closest).toMatchObject({ implemented: true });
    expect(closest.similarity).toBeGreaterThan(0.5);
    expect(repeated.body.similar).toMatchObject({ reviews: expect.any(Number), organisations: 1 });
    expect(repeated.body.similar!.implemented).toBeGreaterThanOrEqual(1);
    const searched = await region.get<{ matches: { id: string }[] }>(`${REVIEWS}/recommendations/similar?text=${encodeURIComponent(NEGLECT_RECOMMENDATION)}`);
    expect(searched.body.matches.map((match) => match.id)).toContain(repeated.body.id);
    expect((await otherRegion.get<{ matches: unknown[] }>(`${REVIEWS}/recommendations/similar?text=${encodeURIComponent(NEGLECT_RECOMMENDATION)}`)).body.matches.map((match) => (match as { organisationCode: string }).organisationCode)).not.toContain('QWO');

    expect((await otherRegion.get<{ items: Review[] }>(`${REVIEWS}?limit=200`)).body.items.map((review) => review.caseId)).not.toContain(lateCase.caseId);
    expect((await otherIcb.get<{ reviews: Review[] }>(`${REVIEWS}/my-work`)).body.reviews.map((review) => review.caseId)).not.toContain(lateCase.caseId);
    expectProblem(await otherRegion.get(`${REVIEWS}/${late.body.id}`), 404, 'REVIEW_NOT_FOUND');
  });
});
