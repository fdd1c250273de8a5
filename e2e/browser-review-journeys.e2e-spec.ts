import { randomUUID } from 'node:crypto';
import { describe, expect, it, jest } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { apiAsUser, eventually } from '@scrt/testing';
import { checkPage, freshPagePerTest, gatewayUrl, signInAs } from './browser-support.js';

const url = (path: string) => new URL(path, gatewayUrl()).href;
const banner = (page: Page) => page.locator('.nhsuk-notification-banner').innerText();
const summaryLinks = (page: Page) => page.locator('.nhsuk-error-summary a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
const CSPR = 'Local child safeguarding practice review (CSPR)';

/** A calendar date `days` before today, as the date inputs take it and as ISO. */
function daysAgo(days: number): { day: string; month: string; year: string; iso: string } {
  const date = new Date(Date.now() - days * 86_400_000);
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()), iso: date.toISOString().slice(0, 10) };
}

async function fillDate(page: Page, field: string, days: number): Promise<void> {
  const date = daysAgo(days);
  await page.locator(`#${field}-day`).fill(date.day);
  await page.locator(`#${field}-month`).fill(date.month);
  await page.locator(`#${field}-year`).fill(date.year);
}

const reviewSection = (page: Page, title: string): Locator => page.locator('section.scrt-review', { has: page.getByRole('heading', { level: 3, name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }) });

/** Submits a form and answers the status of the POST (the redirect's, when it redirects). */
async function submit(page: Page, button: string): Promise<number> {
  const posted = page.waitForResponse((response) => response.request().method() === 'POST');
  await page.getByRole('button', { name: button, exact: true }).click();
  const status = (await posted).status();
  await page.waitForLoadState();
  return status;
}

/** Records a stage change from a review's section of the case page; ends back on the case page. */
async function recordStage(page: Page, title: string, stage: string, days: number, extra: (page: Page) => Promise<unknown> = async () => {}): Promise<void> {
  await reviewSection(page, title).getByRole('button', { name: 'Record a stage change' }).click();
  await page.getByLabel(stage, { exact: true }).check();
  await fillDate(page, 'occurredOn', days);
  await extra(page);
  expect(await submit(page, 'Record stage change')).toBe(303);
  expect(await banner(page)).toMatch(/stage change recorded/);
}

// axe-core at two widths and two screenshots a page: minutes per journey on a loaded machine.
jest.setTimeout(900_000);

describe('review journeys, in Chromium', () => {
  const browser = freshPagePerTest();

  it('takes a rapid review through its decision to a CSPR, then the CSPR to signed off and published', async () => {
    const page = browser.page();
    const marker = `review-journey-${randomUUID().slice(0, 8)}`;
    await signInAs(page, 'Priya Shah');

    // Record the case.
    await page.goto(url('/cases/new'));
    await page.getByLabel('Type of review').selectOption('RAPID_REVIEW');
    await fillDate(page, 'incidentDate', 60);
    await fillDate(page, 'dateAdded', 59);
    await page.getByLabel('Child', { exact: true }).check();
    await page.getByLabel('Theme 1').selectOption('NEGLECT');
    await page.getByLabel('Brief case information').fill(`Rapid review journey (${marker}).`);
    await page.getByRole('button', { name: 'Record case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();
    expect(await page.locator('#reviews + p').innerText()).toBe('No review has been opened for this case.');
    expect(await checkPage(page, 'review-case-without-review')).toEqual([]);

    // Open its rapid review: the form's own errors first, then (once reviews has the case event) the review.
    await page.getByRole('button', { name: 'Open the review' }).click();
    expect(await submit(page, 'Open review')).toBe(422);
    expect(await summaryLinks(page)).toEqual(['#notifiedOn-day']);
    expect(await checkPage(page, 'review-open-errors')).toEqual([]);
    await fillDate(page, 'notifiedOn', 58);
    await eventually(async () => (await submit(page, 'Open review')) === 303 || undefined, 'the review to open once reviews knows the case', 60_000);
    expect(await banner(page)).toMatch(/Review of case [0-9A-F]{8} opened/);
    const rapid = reviewSection(page, 'Rapid review');
    expect(await rapid.getByRole('row').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Notified or referred')]));
    expect(await checkPage(page, 'review-opened')).toEqual([]);

    // Only the allowed next stage is offered; the form's errors and the service's are shown on their fields.
    await rapid.getByRole('button', { name: 'Record a stage change' }).click();
    expect(await page.getByRole('radio').evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value))).toEqual(['RAPID_REVIEW']);
    expect(await submit(page, 'Record stage change')).toBe(422);
    expect(await summaryLinks(page)).toEqual(['#stage', '#occurredOn-day']);
    await page.getByLabel('Rapid review', { exact: true }).check();
    await fillDate(page, 'occurredOn', 70);
    expect(await submit(page, 'Record stage change')).toBe(422);
    expect(await summaryLinks(page)).toEqual(['#occurredOn-day']);
    expect(await page.locator('#occurredOn-error').innerText()).toContain("on or after the date of the review's current stage");
    expect(await checkPage(page, 'review-stage-service-error')).toEqual([]);
    await fillDate(page, 'occurredOn', 57);
    expect(await submit(page, 'Record stage change')).toBe(303);

    await recordStage(page, 'Rapid review', 'Decision', 50);
    expect(await reviewSection(page, 'Rapid review').getByRole('button', { name: 'Convert to a full review' }).count()).toBe(1);
    expect(await checkPage(page, 'review-at-decision')).toEqual([]);

    // Convert it to a local CSPR.
    await reviewSection(page, 'Rapid review').getByRole('button', { name: 'Convert to a full review' }).click();
    expect(await checkPage(page, 'review-convert')).toEqual([]);
    await page.getByLabel(CSPR).check();
    await fillDate(page, 'decidedOn', 50);
    expect(await submit(page, 'Convert review')).toBe(303);
    expect(await banner(page)).toMatch(/converted/);
    const cspr = reviewSection(page, CSPR);
    expect(await cspr.innerText()).toContain('Converted from a rapid review');
    expect(await reviewSection(page, 'Rapid review').innerText()).toContain('Converted to a full review');
    expect(await reviewSection(page, 'Rapid review').getByRole('button').count()).toBe(0);

    // Into progress; a pause made by someone else while the form was open is caught (412), then pause and resume.
    await recordStage(page, CSPR, 'Review in progress', 45, (form) => form.getByLabel('Sub-stage').selectOption('SCOPING'));
    const reviewId = (await cspr.getAttribute('id'))?.replace('review-', '') ?? '';
    await cspr.getByRole('button', { name: 'Pause review' }).click();
    const api = await apiAsUser('icb.input');
    const before = await api.get<{ version: number }>(`/api/v1/reviews/${reviewId}`);
    expect((await api.request('POST', `/api/v1/reviews/${reviewId}/pause`, { body: { reason: 'CORONER', pausedOn: daysAgo(40).iso }, headers: { 'if-match': `"${before.body.version}"` } })).status).toBe(200);
    expect((await api.request('POST', `/api/v1/reviews/${reviewId}/resumption`, { body: { resumedOn: daysAgo(38).iso }, headers: { 'if-match': `"${before.body.version + 1}"` } })).status).toBe(200);
    await page.getByLabel('Reason for the pause').selectOption('FAMILY_ENGAGEMENT');
    await fillDate(page, 'pausedOn', 30);
    expect(await submit(page, 'Pause review')).toBe(409);
    expect(await page.locator('main').innerText()).toContain('Someone else changed this review');
    expect(await checkPage(page, 'review-pause-conflict')).toEqual([]);
    expect(await submit(page, 'Pause review')).toBe(303);
    expect(await reviewSection(page, CSPR).innerText()).toContain('Paused: Awaiting family engagement');
    expect(await reviewSection(page, CSPR).getByRole('button', { name: 'Record a stage change' }).count()).toBe(0);
    await reviewSection(page, CSPR).getByRole('button', { name: 'Resume review' }).click();
    await fillDate(page, 'resumedOn', 25);
    expect(await submit(page, 'Resume review')).toBe(303);
    expect(await reviewSection(page, CSPR).getByRole('table', { name: 'Pauses' }).innerText()).toContain('Awaiting family engagement');

    // Signed off, then published with its report.
    await recordStage(page, CSPR, 'Report signed off', 10);
    await recordStage(page, CSPR, 'Published or embargoed', 5, async (form) => {
      await form.getByLabel('Published', { exact: true }).check();
      await form.getByLabel('Link to the final report (optional)').fill('https://example.org/reports/cspr.pdf');
    });
    const published = await reviewSection(page, CSPR).innerText();
    expect(published).toMatch(/Signed off\s+\d+ \w+ \d{4}/);
    expect(published).toMatch(/Published on\s+\d+ \w+ \d{4}/);
    expect(await reviewSection(page, CSPR).getByRole('link', { name: /Final report/ }).getAttribute('href')).toBe('https://example.org/reports/cspr.pdf');
    expect(page.url()).toContain(caseUrl);
    expect(await checkPage(page, 'review-published')).toEqual([]);

    // Its learning: a recommendation (with the similar ones already made), an action completed with evidence, learning embedded.
    await reviewSection(page, CSPR).getByRole('link', { name: /Recommendations and learning/ }).click();
    expect(await checkPage(page, 'review-page')).toEqual([]);
    await page.getByRole('button', { name: 'Add a recommendation' }).click();
    expect(await submit(page, 'Add recommendation')).toBe(422);
    expect(await summaryLinks(page)).toEqual(['#text', '#theme', '#agency']);
    expect(await checkPage(page, 'recommendation-errors')).toEqual([]);
    await page.getByLabel('Recommendation', { exact: true }).fill(`Partner agencies should share concerns about neglect at the first multi-agency meeting (${marker}).`);
    await page.getByLabel('Theme').selectOption('INFORMATION_SHARING');
    await page.getByLabel('Agency or sector it is for').selectOption('PRIMARY_CARE');
    await page.getByLabel('Lead (optional)').fill('Designated nurse for safeguarding children');
    expect(await submit(page, 'Add recommendation')).toBe(303);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Similar recommendations already made');
    expect(await banner(page)).toContain('Recommendation added');
    expect(await checkPage(page, 'recommendation-similar')).toEqual([]);
    await page.getByRole('button', { name: 'Continue to the review' }).click();

    await page.getByRole('link', { name: 'Add an action of recommendation 1' }).click();
    await page.getByLabel('Action', { exact: true }).fill('Add neglect to the agenda template of every strategy meeting.');
    await page.getByLabel('Owner').fill('Named GP for safeguarding');
    await fillDate(page, 'dueDate', -30);
    expect(await submit(page, 'Add action')).toBe(303);
    expect(await banner(page)).toContain('Action added');

    await page.getByRole('link', { name: /Update the action/ }).click();
    await page.getByLabel('Completed', { exact: true }).check();
    expect(await submit(page, 'Update action')).toBe(422);
    expect(await summaryLinks(page)).toEqual(['#evidenceText', '#completedOn-day']);
    expect(await checkPage(page, 'action-complete-errors')).toEqual([]);
    await page.getByLabel('Evidence of completion').fill('Template changed and circulated to all practices.');
    await fillDate(page, 'completedOn', 2);
    expect(await submit(page, 'Update action')).toBe(303);
    expect(await page.locator('main').innerText()).toContain('Template changed and circulated to all practices.');

    await page.getByRole('link', { name: 'Record learning embedded of recommendation 1' }).click();
    await fillDate(page, 'embeddedOn', 1);
    await fillDate(page, 'reAuditDue', -180);
    expect(await submit(page, 'Record learning embedded')).toBe(303);
    expect(await banner(page)).toContain('Learning recorded as embedded');
    expect(await page.locator('main').innerText()).toMatch(/Learning embedded\s+\d+ \w+ \d{4}/);

    // The recommendation implemented, and its re-audit recorded.
    await page.getByRole('link', { name: 'Update status of recommendation 1' }).click();
    await page.getByLabel('Implemented', { exact: true }).check();
    expect(await submit(page, 'Update status')).toBe(303);
    expect(await banner(page)).toContain('Recommendation status updated');
    expect(await page.locator('main').innerText()).toMatch(/Status\s+Implemented/);

    await page.getByRole('link', { name: 'Record re-audit of recommendation 1' }).click();
    await page.getByLabel('Outcome of the re-audit').fill('Neglect was on the agenda of every strategy meeting sampled.');
    await fillDate(page, 'recordedOn', 0);
    expect(await submit(page, 'Record re-audit')).toBe(303);
    expect(await banner(page)).toContain('Re-audit recorded');
    expect(await page.locator('main').innerText()).toMatch(/Re-audit outcome\s+Neglect was on the agenda of every strategy meeting sampled\./);
    expect(await page.getByRole('link', { name: 'Record re-audit of recommendation 1' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Add a lesson learnt' }).click();
    await page.getByLabel('Lesson learnt').fill('Professionals did not escalate when the family missed appointments.');
    expect(await submit(page, 'Save')).toBe(303);
    expect(await page.locator('main').innerText()).toContain('Professionals did not escalate');

    await page.getByRole('link', { name: 'Add a contributory factor' }).click();
    await page.getByLabel('Contributory factor').selectOption('WORKLOAD');
    expect(await submit(page, 'Save')).toBe(303);
    expect(await banner(page)).toContain('Contributory factor recorded');
    expect(await page.locator('main').innerText()).toContain('Workload and capacity');

    await page.getByRole('link', { name: 'Add good practice' }).click();
    await page.getByLabel('Good practice').fill('The health visitor shared her concerns with the GP the same day.');
    expect(await submit(page, 'Save')).toBe(303);
    expect(await banner(page)).toContain('Good practice recorded');
    expect(await page.locator('main').innerText()).toContain('The health visitor shared her concerns with the GP the same day.');

    // Dissemination: the only form with a number input, so checked once.
    await page.getByRole('link', { name: 'Record dissemination of the learning' }).click();
    await page.getByLabel('Method').selectOption('NEWSLETTER');
    await page.getByLabel('Audience').fill('GP practices in the ICB');
    await fillDate(page, 'occurredOn', 1);
    await page.getByLabel('Number of people reached').fill('120');
    expect(await checkPage(page, 'dissemination-form')).toEqual([]);
    expect(await submit(page, 'Save')).toBe(303);
    expect(await banner(page)).toContain('Dissemination recorded');
    const disseminated = page.getByRole('table', { name: 'How the learning was disseminated' }).getByRole('row', { name: /GP practices in the ICB/ });
    expect(await disseminated.innerText()).toMatch(/Newsletter[\s\S]*GP practices in the ICB[\s\S]*120/);
    expect(await checkPage(page, 'review-page-learning')).toEqual([]);

    await page.getByRole('link', { name: 'My work' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('My work');
    expect(await checkPage(page, 'my-work-icb')).toEqual([]);
  });

  it('shows a regional user the reviews of the region past their target, read-only', async () => {
    const page = browser.page();
    const api = await apiAsUser('icb.input');
    const created = await api.post<{ id: string }>('/api/v1/cases', { reviewType: 'RAPID_REVIEW', incidentDate: daysAgo(90).iso, dateAdded: daysAgo(89).iso, subjectGroup: 'CHILD', themes: ['NEGLECT'], briefInformation: 'A rapid review long past its target.' }, { 'idempotency-key': randomUUID() });
    expect(created.status).toBe(201);
    const opened = await eventually(async () => {
      const response = await api.post<{ id: string }>('/api/v1/reviews', { caseId: created.body.id, notifiedOn: daysAgo(88).iso }, { 'idempotency-key': randomUUID() });
      return response.status === 201 ? response.body : undefined;
    }, 'the review to open once reviews knows the case', 60_000);

    await signInAs(page, 'Helen Carter');
    await page.getByRole('link', { name: 'My work' }).first().click();
    const pastTarget = page.getByRole('table', { name: /past their target date/ });
    const row = pastTarget.getByRole('row', { name: new RegExp(created.body.id.slice(0, 8), 'i') });
    expect(await row.innerText()).toContain('Past target');
    expect(await checkPage(page, 'my-work-regional')).toEqual([]);

    await row.getByRole('link').click();
    const section = page.locator(`#review-${opened.id}`);
    expect(await section.innerText()).toContain('Past target');
    expect(await section.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open the review' }).count()).toBe(0);
    expect(await checkPage(page, 'review-case-regional')).toEqual([]);
    for (const path of [`/reviews/${opened.id}/stage`, `/reviews/${opened.id}/pause`, `/cases/${created.body.id}/reviews/new`]) {
      expect((await page.goto(url(path)))?.status()).toBe(403);
    }
  });
});
