import { describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { checkPage, freshPagePerTest, gatewayUrl, openAccountChooser, recordForeignRequests, sessionCookieOf, signInAs, SESSION_COOKIE } from './browser-support.js';

const url = (path: string) => new URL(path, gatewayUrl()).href;
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const navigationLinks = (page: Page) => page.locator('.nhsuk-header__navigation-list a').allInnerTexts();

// axe-core at two widths and two screenshots a page: minutes per journey on a loaded machine.
jest.setTimeout(900_000);

describe('admin UI foundation in Chromium', () => {
  const browser = freshPagePerTest();

  it('serves the signed-out pages, footer pages and error page on the design system, accessible, loading nothing from other hosts', async () => {
    const page = browser.page();
    const foreign = recordForeignRequests(page);
    const checked: Record<string, unknown[]> = {};
    await page.goto(gatewayUrl());
    expect(await heading(page)).toBe('Sign in');
    checked.signIn = await checkPage(page, 'sign-in');
    for (const [link, title] of [['Accessibility statement', 'Accessibility statement'], ['Privacy notice', 'Privacy notice'], ['Contact us', 'Contact us']]) {
      await page.locator('.nhsuk-footer').getByRole('link', { name: link }).click();
      expect(await heading(page)).toBe(title);
      checked[link] = await checkPage(page, title.toLowerCase().replaceAll(' ', '-'));
    }
    const missing = await page.goto(url('/no-such-page'));
    expect(missing?.status()).toBe(404);
    expect(missing?.headers()['content-type']).toContain('text/html');
    expect(await heading(page)).toBe('Page not found');
    expect(await page.getByRole('link', { name: 'Go to the home page' }).isVisible()).toBe(true);
    checked.notFound = await checkPage(page, 'not-found');
    expect(checked).toEqual(Object.fromEntries(Object.keys(checked).map((key) => [key, []])));
    expect(foreign).toEqual([]);
    // nhsuk-frontend's JavaScript ran (as an external module, under the strict CSP).
    expect(await page.locator('body').getAttribute('class')).toContain('nhsuk-frontend-supported');
  });

  it('shows an ICB data-input user their role by name, the navigation they may use and when the session ends', async () => {
    const page = browser.page();
    await signInAs(page, 'Priya Shah');
    expect(await heading(page)).toBe('Your access');
    const account = await page.locator('.nhsuk-header__account').innerText();
    expect(account).toContain('Priya Shah, Nurse Access Role (QWO)');
    expect(account).not.toContain('"Clinical"');
    expect(await navigationLinks(page)).toEqual(['Cases', 'Record a case', 'My work', 'Reports']);
    expect(await page.locator('[data-session-notice]').innerText()).toMatch(/signed out at \d{1,2}:\d{2}\s?[ap]m/);
    expect(await checkPage(page, 'home-data-input')).toEqual([]);
  });

  it('gives a regional oversight user the case list and reports but not recording, refused with an NHS 403 page', async () => {
    const page = browser.page();
    await signInAs(page, 'Helen Carter');
    expect(await navigationLinks(page)).toEqual(['Cases', 'My work', 'Reports']);
    const refused = await page.goto(url('/cases/new'));
    expect(refused?.status()).toBe(403);
    expect(await heading(page)).toBe('You do not have access to this page');
    expect(await checkPage(page, 'forbidden')).toEqual([]);
  });

  it('lets a user with two roles switch the role they work in, with a confirmation banner', async () => {
    const page = browser.page();
    await openAccountChooser(page);
    await page.getByRole('button', { name: 'Sam Okafor' }).click();
    await page.getByLabel(/\(QMJ\)/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(gatewayUrl());
    const before = await sessionCookieOf(browser.context());

    await page.getByRole('link', { name: 'Switch role' }).first().click();
    expect(await heading(page)).toBe('Which role do you want to work in?');
    expect(await checkPage(page, 'switch-role')).toEqual([]);
    expect(await page.getByLabel(/NHS North Central London ICB \(QMJ\)/).isChecked()).toBe(true);
    await page.getByLabel(/NHS West Yorkshire ICB \(QWO\)/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(gatewayUrl());
    expect(await page.locator('.nhsuk-notification-banner').innerText()).toContain('You are now working as Nurse Access Role');
    expect(await page.locator('.nhsuk-header__account').innerText()).toContain('(QWO)');
    expect(await checkPage(page, 'home-after-role-switch')).toEqual([]);
    // A change of privilege rotates the session id.
    expect(await sessionCookieOf(browser.context())).not.toBe(before);
    await page.reload();
    expect(await page.locator('.nhsuk-notification-banner').count()).toBe(0);
  });

  it('refuses a form posted without the session CSRF token with an NHS 403 page', async () => {
    const page = browser.page();
    await signInAs(page, 'Priya Shah');
    const response = await page.context().request.post(url('/account/session'), { form: { other: 'x' }, headers: { origin: new URL(gatewayUrl()).origin } });
    expect(response.status()).toBe(403);
    expect(response.headers()['content-type']).toContain('text/html');
    expect(await response.text()).toContain('Your form could not be sent');
  });

  it('warns before the session times out and extends it from the warning, without reloading', async () => {
    const page = browser.page();
    await page.clock.install();
    await signInAs(page, 'Priya Shah');
    const warning = page.locator('[data-session-warning]');
    expect(await warning.isVisible()).toBe(false);
    const expiresAt = Number(await page.locator('[data-module="scrt-session-timeout"]').getAttribute('data-expires-at'));
    const toWarning = expiresAt * 1000 - 100_000 - Date.now();
    await page.clock.fastForward(toWarning);
    await warning.waitFor({ state: 'visible' });
    expect(await checkPage(page, 'session-warning')).toEqual([]);
    const extend = page.waitForResponse((response) => new URL(response.url()).pathname === '/account/session');
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    expect((await extend).status()).toBe(200);
    await warning.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(gatewayUrl());
  });

  it('shows an ended session as "You have been signed out" with a way to sign in, never raw JSON', async () => {
    const [page, context] = [browser.page(), browser.context()];
    await signInAs(page, 'Priya Shah');
    const cookie = (await context.cookies(gatewayUrl())).find((candidate) => candidate.name === SESSION_COOKIE);
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click(); // the provider asks to confirm
    await page.waitForURL(gatewayUrl());
    await context.addCookies([{ ...cookie!, expires: -1 }]);
    const ended = await page.goto(url('/cases'));
    expect(ended?.status()).toBe(401);
    expect(await heading(page)).toBe('You have been signed out');
    expect(await checkPage(page, 'session-ended')).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in as' }).waitFor();
  });

  it('offers a user without a role a way to sign in as someone else, not back to the same page', async () => {
    const page = browser.page();
    await openAccountChooser(page);
    await page.getByRole('button', { name: 'Alex Kim' }).click();
    await page.getByRole('heading', { name: 'You have no role for this service' }).waitFor();
    expect(await checkPage(page, 'no-role')).toEqual([]);
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByRole('heading', { name: 'Sign in as' }).waitFor();
    await page.getByRole('button', { name: 'Priya Shah' }).click();
    await page.waitForURL(gatewayUrl());
    expect(await heading(page)).toBe('Your access');
  });
});
