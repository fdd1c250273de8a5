import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { requiredEnv } from '@scrt/testing';

/** Debian's Chromium (`apt-get install -y chromium`): Playwright's own download is not reachable. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/** The value next to `key` in the page's NHS summary list. */
async function summaryValue(page: Page, key: string): Promise<string> {
  return page.locator('.nhsuk-summary-list__row', { has: page.locator('dt', { hasText: key }) }).locator('dd').innerText();
}

describe('browser sign-in through the gateway', () => {
  const gatewayUrl = new URL('/', requiredEnv('SCRT_TEST_GATEWAY_URL')).href;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch(CHROMIUM);
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    // A fresh context per test: no cookie of the gateway or of the provider carries over.
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());

  /** From the gateway's home page to the provider's account list, then the account's button. */
  async function startSignInAs(accountName: string): Promise<void> {
    await page.goto(gatewayUrl);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: accountName }).click();
  }

  it('shows the user, organisation, role and ICB scope of the role they chose, and signs them out', async () => {
    await startSignInAs('Sam Okafor');
    await page.getByLabel(/\(QMJ\)/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(gatewayUrl);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your access');
    expect(await summaryValue(page, 'Name')).toBe('Sam Okafor');
    expect(await summaryValue(page, 'Organisation')).toMatch(/NHS North Central London ICB\s+QMJ/);
    expect(await summaryValue(page, 'Role')).toContain('Nurse Access Role');
    expect(await summaryValue(page, 'Scope')).toMatch(/^ICB\b/);
    expect(await summaryValue(page, 'Permissions')).toContain('case:create');
    const sessionCookie = (await context.cookies(gatewayUrl)).find((cookie) => cookie.name === '__Host-scrt-session');
    expect(sessionCookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click(); // the provider asks to confirm
    await page.waitForURL(gatewayUrl);
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect((await context.cookies(gatewayUrl)).map((cookie) => cookie.name)).not.toContain('__Host-scrt-session');
  });

  it('answers 403 with an explanation to a user who has no role for the tracker', async () => {
    const callback = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/callback');
    await startSignInAs('Alex Kim');

    expect((await callback).status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You have no role for this service');
    expect((await context.cookies(gatewayUrl)).map((cookie) => cookie.name)).not.toContain('__Host-scrt-session');
  });
});
