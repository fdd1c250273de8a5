import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { answer, expectErrorPage, PageProbe, pageOf, sentBody, summaryHrefs, type Received } from '../testing/page-routes.js';
import { testSession } from '../testing/render-page.js';
import { CasesUiController } from './cases-ui.controller.js';

const CASE_ID = '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d';
const code = (value: string, sortOrder = 1) => ({ code: value, label: value.toLowerCase(), sortOrder, deprecated: false });

/** The services behind the gateway, as far as these pages ask them. */
function caseServices(request: Received) {
  const { method, url } = request;
  if (url.startsWith('/api/v1/reference-data/code-lists/')) return answer(200, { codes: [code('CHILD'), code('NEGLECT'), code('RAPID_REVIEW')] });
  if (url.startsWith('/api/v1/reference-data/partnerships')) return answer(200, { items: [] });
  if (method === 'POST' && url === '/api/v1/cases') {
    if ((sentBody(request).briefInformation as string).includes('943 476 5919')) {
      return answer(422, { status: 422, code: 'PERSONAL_DATA_DETECTED', errors: [{ field: 'briefInformation', pointer: '/briefInformation', code: 'PERSONAL_DATA_NHS_NUMBER', message: 'briefInformation holds what looks like an NHS number' }] });
    }
    return answer(201, { id: CASE_ID });
  }
  return undefined;
}

const validForm = {
  reviewType: 'RAPID_REVIEW',
  'incidentDate[day]': '14',
  'incidentDate[month]': '9',
  'incidentDate[year]': '2026',
  'dateAdded[day]': '16',
  'dateAdded[month]': '9',
  'dateAdded[year]': '2026',
  subjectGroup: 'CHILD',
  theme1: 'NEGLECT',
  briefInformation: 'Rapid review notified by the local authority.',
};

// The first render compiles nhsuk-frontend's templates: seconds on a busy machine.
jest.setTimeout(30_000);

describe('case pages (routes)', () => {
  let probe: PageProbe;

  beforeAll(async () => {
    probe = await PageProbe.start([CasesUiController], caseServices);
  });

  afterAll(() => probe.close());

  beforeEach(() => probe.reset());

  const post = (form: Record<string, string>) => probe.post('/cases/new', form);

  it('GET /cases/new: 200, the form with the session CSRF token and a fresh idempotency key', async () => {
    const response = await probe.get('/cases/new');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const $ = await pageOf(response);
    expect($('head > title').text()).toBe('Record a case - Safeguarding Case Review Tracker');
    expect($('form input[name=_csrf]').val()).toBe('csrf-token-1');
    expect($('form input[name=idempotencyKey]').val()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('invalid POST: 422, the same page titled "Error: ", the summary linking to each field in page order, nothing sent to the service', async () => {
    const response = await post({ _csrf: 'csrf-token-1', theme1: 'NEGLECT', briefInformation: 'x' });
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect($('head > title').text()).toBe('Error: Record a case - Safeguarding Case Review Tracker');
    expect(summaryHrefs($)).toEqual(['#reviewType', '#incidentDate-day', '#dateAdded-day', '#subjectGroup']);
    expect($('#reviewType-error').text()).toContain('Select the type of review');
    expect($('textarea#briefInformation').text()).toBe('x');
    expect(probe.changes()).toEqual([]);
  });

  it('the service\'s PERSONAL_DATA_DETECTED is shown on the field, without echoing what was typed in the message', async () => {
    const response = await post({ ...validForm, _csrf: 'csrf-token-1', briefInformation: 'NHS number 943 476 5919 given' });
    expect(response.status).toBe(422);
    const $ = await pageOf(response);
    expect($('.nhsuk-error-summary a').map((_, link) => [[$(link).attr('href'), $(link).text().trim()]]).get()).toEqual([
      ['#briefInformation', 'Brief case information looks like it contains an NHS number. Remove it: do not enter details that could identify a person'],
    ]);
    expect($('#briefInformation-error').text()).toContain('looks like it contains an NHS number');
  });

  it('valid POST: the CaseInput sent with an Idempotency-Key, then 303 to the case with a flash message', async () => {
    const response = await post({ ...validForm, _csrf: 'csrf-token-1', idempotencyKey: '0192f5c4-0000-7000-8000-000000000001' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/cases/${CASE_ID}`);
    expect(probe.flashes).toEqual([{ heading: 'Case 0192F5C4 recorded' }]);
    expect(sentBody(probe.changes()[0])).toMatchObject({ reviewType: 'RAPID_REVIEW', incidentDate: '2026-09-14', dateAdded: '2026-09-16', themes: ['NEGLECT'] });
  });

  it('POST without _csrf: 403, an NHS page, nothing sent', async () => {
    const response = await post(validForm);
    await expectErrorPage(response, 403, 'Your form could not be sent');
    expect(probe.changes()).toEqual([]);
  });

  it('a user without case:create gets the 403 page for the form; without a session, the sign-in page', async () => {
    probe.session = testSession({ principal: { ...testSession().principal, tier: 'region', permissions: ['case:read'] } });
    const refused = await probe.get('/cases/new');
    await expectErrorPage(refused, 403, 'You do not have access to this page');
    probe.session = undefined;
    const anonymous = await probe.get('/cases');
    await expectErrorPage(anonymous, 401, 'Sign in to continue');
  });
});
