import { describe, expect, it, jest } from '@jest/globals';
import { CSRF, expectErrorPage, pageOf, sentBody, summaryHrefs } from '../../testing/page-routes.js';
import { dateFields as date } from '../../testing/review-form-input.js';
import { ACTION_ID, RECOMMENDATION_ID, recordedRecommendation, recordedReview } from '../../testing/recorded-review.js';
import { reviewerSession, reviewPagesSpec } from '../../testing/review-services.js';
import { ReviewLearningController } from './review-learning.controller.js';

const REVIEW_ID = recordedReview().id;
const REVIEW = `/reviews/${REVIEW_ID}`;
const RECOMMENDATION = `${REVIEW}/recommendations/${RECOMMENDATION_ID}`;
const API = '/api/v1/reviews';

interface FormPage {
  path: string;
  title: string;
  /** The hidden version the form carries, when it changes something that has one. */
  version?: string;
  valid: Record<string, string>;
  sentTo: string;
  sent: Record<string, unknown>;
  banner: string;
  next?: string;
  /** The error summary's links for the form sent empty. */
  required: string[];
}

const PAGES: Record<string, FormPage> = {
  recommendation: {
    path: `${REVIEW}/recommendations/new`,
    title: 'Add a recommendation',
    valid: { text: 'Share neglect concerns at the first meeting.', theme: 'INFORMATION_SHARING', agency: 'PRIMARY_CARE' },
    sentTo: `${API}/${REVIEW_ID}/recommendations`,
    sent: { text: 'Share neglect concerns at the first meeting.', theme: 'INFORMATION_SHARING', agency: 'PRIMARY_CARE' },
    banner: 'Recommendation added',
    next: `${RECOMMENDATION}/similar`,
    required: ['#text', '#theme', '#agency'],
  },
  'recommendation status': {
    path: `${RECOMMENDATION}/status`,
    title: 'Update the recommendation’s status',
    version: '3',
    valid: { status: 'NOT_IMPLEMENTED', reason: 'Superseded by the national guidance.' },
    sentTo: `${API}/recommendations/${RECOMMENDATION_ID}/status-changes`,
    sent: { status: 'NOT_IMPLEMENTED', reason: 'Superseded by the national guidance.' },
    banner: 'Recommendation status updated',
    required: ['#status'],
  },
  action: {
    path: `${RECOMMENDATION}/actions`,
    title: 'Add an action',
    valid: { description: 'Add neglect to the agenda.', owner: 'Named GP', ...date('dueDate', '31', '1', '2027') },
    sentTo: `${API}/actions`,
    sent: { recommendationId: RECOMMENDATION_ID, description: 'Add neglect to the agenda.', owner: 'Named GP', dueDate: '2027-01-31' },
    banner: 'Action added',
    required: ['#description', '#owner', '#dueDate-day'],
  },
  'action update': {
    path: `${REVIEW}/actions/${ACTION_ID}/update`,
    title: 'Update the action',
    version: '1',
    valid: { status: 'COMPLETED', evidenceText: 'Template circulated.', ...date('completedOn', '2', '11', '2026') },
    sentTo: `${API}/actions/${ACTION_ID}/updates`,
    sent: { status: 'COMPLETED', evidenceText: 'Template circulated.', completedOn: '2026-11-02' },
    banner: 'Action updated',
    required: ['#status'],
  },
  'learning embedded': {
    path: `${RECOMMENDATION}/learning-embedded`,
    title: 'Record the learning as embedded',
    version: '3',
    valid: { ...date('embeddedOn', '1', '11', '2026'), ...date('reAuditDue', '1', '5', '2027') },
    sentTo: `${API}/recommendations/${RECOMMENDATION_ID}/learning-embedded`,
    sent: { embeddedOn: '2026-11-01', reAuditDue: '2027-05-01' },
    banner: 'Learning recorded as embedded',
    required: ['#embeddedOn-day', '#reAuditDue-day'],
  },
  're-audit': {
    path: `${RECOMMENDATION}/re-audit`,
    title: 'Record the re-audit',
    version: '3',
    valid: { outcome: 'Every meeting now records neglect.', ...date('recordedOn', '20', '11', '2026') },
    sentTo: `${API}/recommendations/${RECOMMENDATION_ID}/re-audit`,
    sent: { outcome: 'Every meeting now records neglect.', recordedOn: '2026-11-20' },
    banner: 'Re-audit recorded',
    required: ['#outcome', '#recordedOn-day'],
  },
  'contributory factor': {
    path: `${REVIEW}/learning/contributory-factor`,
    title: 'Add a contributory factor',
    valid: { code: 'WORKLOAD' },
    sentTo: `${API}/${REVIEW_ID}/learning`,
    sent: { kind: 'contributory-factor', code: 'WORKLOAD' },
    banner: 'Contributory factor recorded',
    required: ['#code'],
  },
  lesson: {
    path: `${REVIEW}/learning/lesson`,
    title: 'Add a lesson learnt',
    valid: { text: 'Escalate missed appointments.' },
    sentTo: `${API}/${REVIEW_ID}/learning`,
    sent: { kind: 'lesson', text: 'Escalate missed appointments.' },
    banner: 'Lesson learnt recorded',
    required: ['#text'],
  },
  'good practice': {
    path: `${REVIEW}/learning/good-practice`,
    title: 'Add good practice',
    valid: { text: 'The health visitor shared concerns the same day.' },
    sentTo: `${API}/${REVIEW_ID}/learning`,
    sent: { kind: 'good-practice', text: 'The health visitor shared concerns the same day.' },
    banner: 'Good practice recorded',
    required: ['#text'],
  },
  dissemination: {
    path: `${REVIEW}/learning/dissemination`,
    title: 'Record dissemination of the learning',
    valid: { method: 'NEWSLETTER', audience: 'GP practices', ...date('occurredOn', '3', '11', '2026'), reached: '120' },
    sentTo: `${API}/${REVIEW_ID}/disseminations`,
    sent: { method: 'NEWSLETTER', audience: 'GP practices', occurredOn: '2026-11-03', reached: 120 },
    banner: 'Dissemination recorded',
    required: ['#method', '#audience', '#occurredOn-day', '#reached'],
  },
};

const formOf = (page: FormPage, fields: Record<string, string>) => ({ ...CSRF, ...(page.version && { version: page.version }), ...fields });
const pages = Object.entries(PAGES);

// The first render compiles nhsuk-frontend's templates: seconds on a busy machine.
jest.setTimeout(30_000);

describe('review page and learning forms (routes)', () => {
  const spec = reviewPagesSpec([ReviewLearningController]);

  it('the review page: 200 with its recommendations and the banner of the change just made', async () => {
    spec.probe.session = { ...reviewerSession(), flash: { heading: 'Re-audit recorded' } };
    const response = await spec.probe.get(REVIEW);
    expect(response.status).toBe(200);
    const $ = await pageOf(response);
    expect($('.nhsuk-notification-banner').text()).toContain('Re-audit recorded');
    expect($('main').text()).toContain('Share neglect concerns at the first meeting.');
    expect($(`a[href="${RECOMMENDATION}/status"]`).length).toBe(1);
  });

  it.each([
    ['a user who may only read reviews', reviewerSession(['case:read', 'review:read'])],
    ['a regional user, even with review:manage (reviews are changed by their ICB only)', reviewerSession(['case:read', 'review:read', 'review:manage'], 'region')],
  ])('%s sees the review page without a way to change it, and gets the NHS 403 page for every form and its POST', async (_who, session) => {
    spec.probe.session = session;
    const $ = await pageOf(await spec.probe.get(REVIEW));
    expect($(`a[href^="${REVIEW}/"]`).length).toBe(0);
    for (const [, page] of pages) {
      for (const response of [await spec.probe.get(page.path), await spec.probe.post(page.path, formOf(page, page.valid))]) {
        await expectErrorPage(response, 403, 'You do not have access to this page');
      }
    }
    expect(spec.probe.changes()).toEqual([]);
  });

  it('a user without review:read gets the NHS 403 page for the review page', async () => {
    spec.probe.session = reviewerSession(['case:read']);
    const response = await spec.probe.get(REVIEW);
    await expectErrorPage(response, 403, 'You do not have access to this page');
  });

  it.each(pages)('GET %s: 200, the form with the session CSRF token and the version it changes', async (_name, page) => {
    const response = await spec.probe.get(page.path);
    expect(response.status).toBe(200);
    const $ = await pageOf(response);
    expect($('h1').text()).toBe(page.title);
    expect($(`form[action="${page.path}"] input[name=_csrf]`).val()).toBe('csrf-token-1');
    expect($('form input[name=version]').val()).toBe(page.version);
  });

  it.each(pages)('POST %s without or with a wrong _csrf: 403, the NHS page, nothing sent', async (_name, page) => {
    for (const csrf of ['', 'csrf-token-2']) {
      const response = await spec.probe.post(page.path, { ...formOf(page, page.valid), _csrf: csrf });
      await expectErrorPage(response, 403, 'Your form could not be sent');
    }
    expect(spec.probe.changes()).toEqual([]);
  });

  it.each(pages)('valid POST %s: the API body sent, then 303 with its banner', async (_name, page) => {
    const response = await spec.probe.post(page.path, formOf(page, page.valid));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(page.next ?? REVIEW);
    expect(spec.probe.flashes).toEqual([{ heading: page.banner }]);
    const [sent] = spec.probe.changes();
    expect(sent.url).toBe(page.sentTo);
    expect(sentBody(sent)).toEqual(page.sent);
    expect(sent.ifMatch).toBe(page.version && `"${page.version}"`);
  });

  it.each(pages)('POST %s empty: 422, titled "Error: ", the summary linking to each required field, nothing sent', async (_name, page) => {
    const response = await spec.probe.post(page.path, formOf(page, {}));
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect($('head > title').text()).toMatch(/^Error: /);
    expect(summaryHrefs($)).toEqual(page.required);
    for (const href of page.required) expect($(href).length).toBe(1);
    expect(spec.probe.changes()).toEqual([]);
  });

  it('the values typed are kept on a refused form', async () => {
    const page = PAGES.dissemination;
    const $ = await pageOf(await spec.probe.post(page.path, formOf(page, { ...page.valid, reached: 'many' })));
    expect(summaryHrefs($)).toEqual(['#reached']);
    expect($('#audience').val()).toBe('GP practices');
    expect($('#reached').val()).toBe('many');
  });

  it("the service's 422 on the re-audit date is shown on that field in the re-audit's words", async () => {
    spec.probe.refuseChanges({ status: 422, code: 'DATE_BEFORE_PREVIOUS_STAGE', errors: [{ field: 'recordedOn', code: 'DATE_BEFORE_PREVIOUS_STAGE', message: 'recordedOn is before the learning was embedded' }] });
    const page = PAGES['re-audit'];
    const response = await spec.probe.post(page.path, formOf(page, page.valid));
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect(summaryHrefs($)).toEqual(['#recordedOn-day']);
    expect($('#recordedOn-error').text()).toContain('Date of the re-audit must be on or after the date the learning was embedded');
    expect(spec.probe.flashes).toEqual([]);
  });

  it("the service's 409 (actions not complete) is shown on the form, not as an error page", async () => {
    spec.probe.refuseChanges({ status: 409, code: 'ACTIONS_NOT_COMPLETE', detail: 'Learning is embedded once...' });
    const page = PAGES['learning embedded'];
    const response = await spec.probe.post(page.path, formOf(page, page.valid));
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect($('.nhsuk-error-summary a').text().trim()).toContain('once the recommendation has actions and every one is completed');
    expect(summaryHrefs($)).toEqual(['#embeddedOn-day']);
  });

  it('someone else changed the recommendation first (412): 409 with "reload", nothing recorded', async () => {
    spec.probe.refuseChanges({ status: 412, code: 'PRECONDITION_FAILED' });
    const page = PAGES['recommendation status'];
    const response = await spec.probe.post(page.path, formOf(page, page.valid));
    expect(response.status).toBe(409);
    expect((await pageOf(response))('main').text()).toContain('Someone else changed this review');
    expect(spec.probe.flashes).toEqual([]);
  });

  it('a kind of learning, recommendation or action the review does not have: the NHS 404 page', async () => {
    spec.held.recommendations = [recordedRecommendation({ actions: [] })];
    for (const path of [`${REVIEW}/learning/gossip`, `${REVIEW}/recommendations/0192f5c4-7d1e-7a3b-9c2d-000000000000/status`, `${REVIEW}/actions/${ACTION_ID}/update`]) {
      const response = await spec.probe.get(path);
      await expectErrorPage(response, 404, 'Page not found');
    }
  });
});
