import { describe, expect, it } from '@jest/globals';
import { SESSION_COOKIE, gatewayUrl, freshPagePerTest, openAccountChooser, sessionCookieOf, signInAs, summaryValue } from './browser-support.js';

describe('browser sign-in through the gateway', () => {
  const browser = freshPagePerTest();

  it('shows the user, organisation, role and ICB scope of the role they chose, and signs them out for good', async () => {
    const [page, context] = [browser.page(), browser.context()];
    await openAccountChooser(page);
    await page.getByRole('button', { name: 'Sam Okafor' }).click();
    await page.getByLabel(/\(QMJ\)/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(gatewayUrl());

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your access');
    expect(await summaryValue(page, 'Name')).toBe('Sam Okafor');
    expect(await summaryValue(page, 'Organisation')).toBe('NHS North Central London ICB (QMJ)');
    expect(await summaryValue(page, 'Role')).toContain('Nurse Access Role');
    expect(await summaryValue(page, 'Scope')).toMatch(/^ICB\b/);
    expect(await summaryValue(page, 'Permissions')).toContain('case:create');
    const sessionCookie = (await context.cookies(gatewayUrl())).find((cookie) => cookie.name === SESSION_COOKIE);
    expect(sessionCookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });

    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click(); // the gateway asks to confirm (a POST with the CSRF token)
    await page.getByRole('button', { name: 'Sign out' }).click(); // so does the provider
    await page.waitForURL(gatewayUrl());
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await sessionCookieOf(context)).toBeUndefined();

    // The old cookie, put back, no longer signs anyone in: the session ended server-side.
    await context.addCookies([{ ...sessionCookie!, expires: -1 }]);
    await page.goto(gatewayUrl());
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sign in');
  });

  it('asks for the account on the next sign-in, even when the provider session was kept at sign-out', async () => {
    const page = browser.page();
    await signInAs(page, 'Priya Shah');
    expect(await summaryValue(page, 'Name')).toBe('Priya Shah');
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await page.waitForURL(gatewayUrl());

    await openAccountChooser(page);
    await page.getByRole('button', { name: 'Tom Hughes' }).click();
    await page.waitForURL(gatewayUrl());
    expect(await summaryValue(page, 'Name')).toBe('Tom Hughes');
  });

  it('answers 403 with an explanation to a user who has no role for the tracker', async () => {
    const [page, context] = [browser.page(), browser.context()];
    const callback = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/callback');
    await openAccountChooser(page);
    await page.getByRole('button', { name: 'Alex Kim' }).click();

    expect((await callback).status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You have no role for this service');
    expect(await sessionCookieOf(context)).toBeUndefined();
  });
});
