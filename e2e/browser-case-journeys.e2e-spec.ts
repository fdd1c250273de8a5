import { randomUUID } from 'node:crypto';
import { describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { apiAsUser } from '@scrt/testing';
import { checkPage, freshPagePerTest, gatewayUrl, signInAs } from './browser-support.js';

const url = (path: string) => new URL(path, gatewayUrl()).href;
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const banner = (page: Page) => page.locator('.nhsuk-notification-banner').innerText();
const summaryLinks = (page: Page) => page.locator('.nhsuk-error-summary a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));

async function fillDate(page: Page, field: string, day: string, month: string, year: string): Promise<void> {
  await page.locator(`#${field}-day`).fill(day);
  await page.locator(`#${field}-month`).fill(month);
  await page.locator(`#${field}-year`).fill(year);
}

/** Fills the record form with a valid case whose brief information carries `marker` (to find it again). */
async function fillValidCase(page: Page, marker: string, briefInformation = `Rapid review notified by the local authority (${marker}).`): Promise<void> {
  await page.getByLabel('Type of review').selectOption('RAPID_REVIEW');
  await fillDate(page, 'incidentDate', '2', '3', '2026');
  await fillDate(page, 'dateAdded', '4', '3', '2026');
  await page.getByLabel('Child', { exact: true }).check();
  await page.getByLabel('Theme 1').selectOption('NEGLECT');
  await page.getByLabel('Theme 2 (optional)').selectOption('EMOTIONAL');
  await page.getByLabel('Brief case information').fill(briefInformation);
  await page.getByLabel('Type of identifier 1').selectOption('STEIS');
  await page.getByLabel('Identifier 1', { exact: true }).fill('2026/12345');
  await page.getByLabel('Locality (optional)').fill('Northtown');
}

// axe-core at two widths and two screenshots a page: minutes per journey on a loaded machine.
jest.setTimeout(900_000);

describe('case journeys of an ICB data-input user, in Chromium', () => {
  const browser = freshPagePerTest();

  it('records a case: every error at once with links to the fields, personal data refused on its field, then the case with a banner', async () => {
    const page = browser.page();
    const marker = `journey-${randomUUID().slice(0, 8)}`;
    await signInAs(page, 'Priya Shah');
    await page.getByRole('link', { name: 'Record a case' }).first().click();
    expect(await heading(page)).toBe('Record a case');
    expect(await checkPage(page, 'record-case')).toEqual([]);

    const invalid = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Record case' }).click();
    expect((await invalid).status()).toBe(422);
    expect(await page.title()).toMatch(/^Error: Record a case/);
    expect(await summaryLinks(page)).toEqual(['#reviewType', '#incidentDate-day', '#dateAdded-day', '#subjectGroup', '#theme1', '#briefInformation']);
    await page.locator('.nhsuk-error-summary a[href="#incidentDate-day"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('incidentDate-day');
    expect(await checkPage(page, 'record-case-errors')).toEqual([]);

    await fillValidCase(page, marker, `NHS number 943 476 5919 mentioned (${marker}).`);
    const refused = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Record case' }).click();
    expect((await refused).status()).toBe(422);
    expect(await summaryLinks(page)).toEqual(['#briefInformation']);
    expect(await page.locator('#briefInformation-error').innerText()).toContain('looks like it contains an NHS number');
    expect(await page.locator('.nhsuk-error-summary').innerText()).not.toContain('943 476 5919');
    expect(await checkPage(page, 'record-case-personal-data')).toEqual([]);

    await page.getByLabel('Brief case information').fill(`Rapid review notified by the local authority (${marker}).`);
    await page.getByRole('button', { name: 'Record case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    expect(await banner(page)).toMatch(/Case [0-9A-F]{8} recorded/);
    expect(await page.locator('.nhsuk-summary-list').first().innerText()).toContain(marker);
    expect(await checkPage(page, 'case-view')).toEqual([]);

    // The list finds it by free-text search.
    await page.goto(url(`/cases?q=${marker}`));
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await checkPage(page, 'case-list')).toEqual([]);
  });

  it('edits a case (history shows the change), is told when someone else changed it first, and withdraws it with a reason', async () => {
    const page = browser.page();
    const api = await apiAsUser('icb.input');
    const created = await api.post<{ id: string }>('/api/v1/cases', { reviewType: 'RAPID_REVIEW', incidentDate: '2026-03-02', dateAdded: '2026-03-04', subjectGroup: 'CHILD', themes: ['NEGLECT'], briefInformation: 'Recorded through the API for the edit journey.' }, { 'idempotency-key': randomUUID() });
    expect(created.status).toBe(201);
    const caseUrl = url(`/cases/${created.body.id}`);
    await signInAs(page, 'Priya Shah');

    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Edit case' }).click();
    expect(await heading(page)).toBe('Edit case');
    expect(await checkPage(page, 'edit-case')).toEqual([]);
    await page.getByLabel('Locality (optional)').fill('Southtown');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(caseUrl);
    expect(await banner(page)).toMatch(/updated/);
    expect(await page.locator('table').first().innerText()).toMatch(/Locality[\s\S]*None[\s\S]*Southtown/);

    // Someone else changes it while the form is open.
    await page.getByRole('button', { name: 'Edit case' }).click();
    const current = await api.get<{ version: number }>(`/api/v1/cases/${created.body.id}`);
    expect((await api.request('PATCH', `/api/v1/cases/${created.body.id}`, { body: { locality: 'Westtown' }, headers: { 'if-match': `"${current.body.version}"` } })).status).toBe(200);
    await page.getByLabel('Locality (optional)').fill('Easttown');
    const stale = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await stale).status()).toBe(409);
    expect(await page.locator('main').innerText()).toContain('Someone else changed this case');
    expect(await page.getByLabel('Locality (optional)').inputValue()).toBe('Westtown');
    expect(await checkPage(page, 'edit-case-conflict')).toEqual([]);

    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Withdraw case' }).click();
    const withdrawForm = page.url();
    await page.getByRole('button', { name: 'Withdraw case' }).click();
    expect(await summaryLinks(page)).toEqual(['#reason']);
    expect(await checkPage(page, 'withdraw-case-errors')).toEqual([]);
    expect(page.url()).toBe(withdrawForm);
    await page.getByLabel('Why is the case withdrawn?').fill('Recorded twice.');
    await page.getByRole('button', { name: 'Withdraw case' }).click();
    await page.waitForURL(caseUrl);
    expect(await banner(page)).toMatch(/withdrawn/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Withdrawn');
    expect(await page.getByRole('button', { name: 'Edit case' }).count()).toBe(0);
    expect(await checkPage(page, 'case-view-withdrawn')).toEqual([]);
  });

  it('shows a regional oversight user the same cases read-only: no record, edit or withdraw, and those pages refused', async () => {
    const page = browser.page();
    const api = await apiAsUser('icb.input');
    const marker = `regional-${randomUUID().slice(0, 8)}`;
    const created = await api.post<{ id: string }>('/api/v1/cases', { reviewType: 'RAPID_REVIEW', incidentDate: '2026-03-02', dateAdded: '2026-03-04', subjectGroup: 'ADULT', themes: ['NEGLECT'], briefInformation: `A case the region oversees (${marker}).` }, { 'idempotency-key': randomUUID() });
    expect(created.status).toBe(201);
    await signInAs(page, 'Helen Carter');
    await page.goto(url(`/cases?q=${marker}`));
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Record a case' }).count()).toBe(0);
    expect(await checkPage(page, 'case-list-regional')).toEqual([]);
    await page.locator('table tbody a').first().click();
    expect(await page.getByRole('button', { name: 'Edit case' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Change/ }).count()).toBe(0);
    for (const path of [`/cases/${created.body.id}/edit`, `/cases/${created.body.id}/withdraw`, '/cases/new']) {
      const refused = await page.goto(url(path));
      expect(refused?.status()).toBe(403);
    }
  });
});
