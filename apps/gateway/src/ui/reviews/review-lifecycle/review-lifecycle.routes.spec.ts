import { describe, expect, it, jest } from '@jest/globals';
import { CSRF, expectErrorPage, pageOf, sentBody, summaryHrefs } from '../../testing/page-routes.js';
import { dateFields as date } from '../../testing/review-form-input.js';
import { recordedReview } from '../../testing/recorded-review.js';
import { reviewerSession, reviewPagesSpec } from '../../testing/review-services.js';
import { ReviewLifecycleController } from './review-lifecycle.controller.js';

const CASE_ID = recordedReview().caseId;
const REVIEW_ID = recordedReview().id;
const TITLE_SUFFIX = ' - Safeguarding Case Review Tracker';
const decisionForm = { ...CSRF, version: '2', stage: 'DECISION', ...date('occurredOn', '1', '10', '2026') };

// The first render compiles nhsuk-frontend's templates: seconds on a busy machine.
jest.setTimeout(30_000);

describe('review lifecycle pages (routes)', () => {
  const spec = reviewPagesSpec([ReviewLifecycleController]);

  it.each([
    ['open the review', `/cases/${CASE_ID}/reviews/new`, {}, 'Open the review'],
    ['stage change', `/reviews/${REVIEW_ID}/stage`, {}, 'Record a stage change'],
    ['convert', `/reviews/${REVIEW_ID}/convert`, { stage: 'DECISION' }, 'Convert the rapid review'],
    ['pause', `/reviews/${REVIEW_ID}/pause`, {}, 'Pause the review'],
    ['resume', `/reviews/${REVIEW_ID}/resume`, { paused: true, pauseReason: 'CORONER' }, 'Resume the review'],
  ])('GET %s: 200, the form with the session CSRF token', async (_name, path, state, title) => {
    spec.held.review = recordedReview(state);
    const response = await spec.probe.get(path);
    expect(response.status).toBe(200);
    const $ = await pageOf(response);
    expect($('head > title').text()).toBe(`${title}${TITLE_SUFFIX}`);
    expect($(`form[action="${path}"] input[name=_csrf]`).val()).toBe('csrf-token-1');
  });

  it('the stage form carries the version it was filled in against and offers only the next stage', async () => {
    const $ = await pageOf(await spec.probe.get(`/reviews/${REVIEW_ID}/stage`));
    expect($('form input[name=version]').val()).toBe('2');
    expect($('input[name=stage]').map((_, radio) => $(radio).val()).get()).toEqual(['DECISION']);
  });

  it.each([
    ['a user who may only read reviews', reviewerSession(['case:read', 'review:read'])],
    ['a regional user, even with review:manage (reviews are changed by their ICB only)', reviewerSession(['case:read', 'review:read', 'review:manage'], 'region')],
  ])('%s gets the NHS 403 page for the form and for its POST, nothing sent', async (_who, session) => {
    spec.probe.session = session;
    for (const response of [await spec.probe.get(`/reviews/${REVIEW_ID}/stage`), await spec.probe.post(`/reviews/${REVIEW_ID}/stage`, decisionForm), await spec.probe.get(`/cases/${CASE_ID}/reviews/new`)]) {
      await expectErrorPage(response, 403, 'You do not have access to this page');
    }
    expect(spec.probe.changes()).toEqual([]);
  });

  it.each([
    ['without _csrf', { ...decisionForm, _csrf: '' }],
    ['with another session’s _csrf', { ...decisionForm, _csrf: 'csrf-token-2' }],
  ])('POST %s: 403, the NHS page, nothing sent', async (_case, form) => {
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/stage`, form);
    await expectErrorPage(response, 403, 'Your form could not be sent');
    expect(spec.probe.changes()).toEqual([]);
  });

  it('valid stage change: sent with If-Match of the form’s version, then 303 to the review on the case page with a banner', async () => {
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/stage`, decisionForm);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/cases/${CASE_ID}#review-${REVIEW_ID}`);
    expect(spec.probe.flashes).toEqual([{ heading: 'Rapid review: stage change recorded' }]);
    const [sent] = spec.probe.changes();
    expect(sent.url).toBe(`/api/v1/reviews/${REVIEW_ID}/stage-changes`);
    expect(sent.ifMatch).toBe('"2"');
    expect(sentBody(sent)).toEqual({ stage: 'DECISION', occurredOn: '2026-10-01' });
  });

  it.each([
    ['convert', { stage: 'DECISION' }, { reviewType: 'CSPR_LOCAL', ...date('decidedOn', '1', '10', '2026') }, 'conversion', 'Rapid review: rapid review converted'],
    ['pause', {}, { reason: 'CORONER', ...date('pausedOn', '1', '10', '2026') }, 'pause', 'Rapid review: review paused'],
    ['resume', { paused: true, pauseReason: 'CORONER' }, date('resumedOn', '1', '10', '2026'), 'resumption', 'Rapid review: review resumed'],
  ])('valid %s: sent to its own path with If-Match, then 303 with a banner', async (page, state, fields, change, banner) => {
    spec.held.review = recordedReview(state);
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/${page}`, { ...CSRF, version: '2', ...fields });
    expect(response.status).toBe(303);
    expect(spec.probe.flashes).toEqual([{ heading: banner }]);
    const [sent] = spec.probe.changes();
    expect([sent.url, sent.ifMatch]).toEqual([`/api/v1/reviews/${REVIEW_ID}/${change}`, '"2"']);
  });

  it('valid opening: sent with the form’s idempotency key, then 303 with a banner', async () => {
    const key = '0192f5c4-0000-7000-8000-000000000001';
    const response = await spec.probe.post(`/cases/${CASE_ID}/reviews/new`, { ...CSRF, idempotencyKey: key, ...date('notifiedOn', '18', '9', '2026') });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/cases/${CASE_ID}#review-${REVIEW_ID}`);
    expect(spec.probe.flashes).toEqual([{ heading: 'Review of case 0192F5C4 opened' }]);
    expect(sentBody(spec.probe.changes()[0])).toEqual({ caseId: CASE_ID, notifiedOn: '2026-09-18' });
  });

  it('invalid POST: 422, titled "Error: ", the summary linking to each field in page order, the values kept, nothing sent', async () => {
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/stage`, { ...CSRF, version: '2', ...date('occurredOn', '31', '2', '2026') });
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect($('head > title').text()).toBe(`Error: Record a stage change${TITLE_SUFFIX}`);
    expect(summaryHrefs($)).toEqual(['#stage', '#occurredOn-day']);
    expect($('#occurredOn-error').text()).toContain('Date it happened must be a real date');
    expect($('#occurredOn-day').val()).toBe('31');
    expect(spec.probe.changes()).toEqual([]);
  });

  it('a date after today is refused on its field before the service is asked', async () => {
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/pause`, { ...CSRF, version: '2', reason: 'CORONER', ...date('pausedOn', '1', '1', '2999') });
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect(summaryHrefs($)).toEqual(['#pausedOn-day']);
    expect($('#pausedOn-error').text()).toContain('Date the pause began must be today or in the past');
    expect(spec.probe.changes()).toEqual([]);
  });

  it("the service's 422 field problem is shown on its field, not as an error page", async () => {
    spec.probe.refuseChanges({ status: 422, code: 'DATE_BEFORE_PREVIOUS_STAGE', errors: [{ field: 'occurredOn', code: 'DATE_BEFORE_PREVIOUS_STAGE', message: 'occurredOn is before 2026-09-20' }] });
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/stage`, decisionForm);
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect(summaryHrefs($)).toEqual(['#occurredOn-day']);
    expect($('#occurredOn-error').text()).toContain("Date it happened must be on or after the date of the review's current stage");
    expect(spec.probe.flashes).toEqual([]);
  });

  it("the service's 409 refusal of the whole review is shown at the top of the form", async () => {
    spec.probe.refuseChanges({ status: 409, code: 'REVIEW_CLOSED', detail: 'closed' });
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/pause`, { ...CSRF, version: '2', reason: 'CORONER', ...date('pausedOn', '1', '10', '2026') });
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect($('.nhsuk-error-summary a').text().trim()).toBe('The review is closed: nothing more can be recorded on it.');
    expect(summaryHrefs($)).toEqual(['#reason']);
  });

  it('someone else changed the review first (412): 409, the form kept with "reload", nothing recorded', async () => {
    spec.probe.refuseChanges({ status: 412, code: 'PRECONDITION_FAILED' });
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/stage`, decisionForm);
    expect(response.status).toBe(409);
    expect((await pageOf(response))('main').text()).toContain('Someone else changed this review');
    expect(spec.probe.flashes).toEqual([]);
  });

  it('a change the review no longer allows (resume a running review): 303 back to the case, saying so, nothing sent', async () => {
    const response = await spec.probe.post(`/reviews/${REVIEW_ID}/resume`, { ...CSRF, version: '2', ...date('resumedOn', '1', '10', '2026') });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/cases/${CASE_ID}#review-${REVIEW_ID}`);
    expect(spec.probe.flashes).toEqual([{ heading: "That change is not possible at the review's current stage" }]);
    expect(spec.probe.changes()).toEqual([]);
  });

  it('a review id that is not one: the NHS 404 page', async () => {
    const response = await spec.probe.get('/reviews/not-a-review/stage');
    await expectErrorPage(response, 404, 'Page not found');
  });
});
