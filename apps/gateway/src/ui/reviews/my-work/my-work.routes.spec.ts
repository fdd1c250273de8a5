import { describe, expect, it, jest } from '@jest/globals';
import { answer, expectErrorPage, pageOf } from '../../testing/page-routes.js';
import { recordedAction, recordedReview } from '../../testing/recorded-review.js';
import { reviewerSession, reviewPagesSpec } from '../../testing/review-services.js';
import { MyWorkController } from './my-work.controller.js';

const PAST_TARGET_QUERY = '/api/v1/reviews?pastTarget=true';

// The first render compiles nhsuk-frontend's templates: seconds on a busy machine.
jest.setTimeout(30_000);

describe('my work (routes)', () => {
  const spec = reviewPagesSpec([MyWorkController]);

  it('an ICB user: 200, the work of their ICB, without the reviews past target of a wider scope', async () => {
    spec.held.myWork = { reviews: [recordedReview()], overdueActions: [recordedAction()], reAuditsDue: [] };
    const response = await spec.probe.get('/my-work');
    expect(response.status).toBe(200);
    const $ = await pageOf(response);
    expect($('head > title').text()).toBe('My work - Safeguarding Case Review Tracker');
    expect($('main').text()).toContain('What needs attention in your ICB');
    expect($('table').length).toBe(1);
    expect($(`main a[href="/reviews/${recordedReview().id}"]`).text()).toBe('Update the template');
    expect(spec.probe.received.map((request) => request.url)).not.toContain(expect.stringContaining('pastTarget'));
  });

  it('a regional user also sees the reviews of the region past their target', async () => {
    spec.probe.session = reviewerSession(['case:read', 'review:read'], 'region');
    spec.held.pastTarget = [recordedReview()];
    const $ = await pageOf(await spec.probe.get('/my-work'));
    expect($('caption').first().text().trim()).toBe('Reviews in your region past their target date');
    expect($('table').first().find('tbody tr').text()).toContain('Past target');
    expect(spec.probe.received.map((request) => request.url)).toContainEqual(expect.stringContaining(PAST_TARGET_QUERY));
  });

  it('a user without review:read gets the NHS 403 page; without a session, the sign-in page', async () => {
    spec.probe.session = reviewerSession(['case:read']);
    await expectErrorPage(await spec.probe.get('/my-work'), 403, 'You do not have access to this page');
    spec.probe.session = undefined;
    await expectErrorPage(await spec.probe.get('/my-work'), 401, 'Sign in to continue');
    expect(spec.probe.received).toEqual([]);
  });

  it('the reviews service failing: an NHS error page, not a problem document', async () => {
    spec.probe.override = ({ url }) => (url.endsWith('/my-work') ? answer(500, { status: 500, code: 'INTERNAL' }) : undefined);
    const response = await spec.probe.get('/my-work');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
