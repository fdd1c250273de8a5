import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { requiredEnv } from '@scrt/testing';

/** Debian's Chromium (`apt-get install -y chromium`): Playwright's own download is not reachable. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export const SESSION_COOKIE = '__Host-scrt-session';

export const gatewayUrl = () => new URL('/', requiredEnv('SCRT_TEST_GATEWAY_URL')).href;

/**
 * One Chromium for the describe block, a fresh context and page per test (no cookie of the
 * gateway or of the provider carries over); read them inside tests and hooks.
 */
export function freshPagePerTest(): { page: () => Page; context: () => BrowserContext } {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch(CHROMIUM);
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());
  return { page: () => page, context: () => context };
}

/** The value next to `key` in the page's NHS summary list. */
export async function summaryValue(page: Page, key: string): Promise<string> {
  return page.locator('.nhsuk-summary-list__row', { has: page.locator('dt', { hasText: key }) }).locator('dd.nhsuk-summary-list__value').innerText();
}

/** From the gateway's home page to the provider's account list. */
export async function openAccountChooser(page: Page): Promise<void> {
  await page.goto(gatewayUrl());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sign in as' }).waitFor();
}

/** Signs in as a demo account that holds a single role; ends on the gateway's home page. */
export async function signInAs(page: Page, accountName: string): Promise<void> {
  await openAccountChooser(page);
  await page.getByRole('button', { name: accountName }).click();
  await page.waitForURL(gatewayUrl());
}

export async function sessionCookieOf(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies(gatewayUrl())).find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}

/** WCAG 2.2 AA as axe-core tags it. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = join(process.cwd(), '.local', 'test-output', 'screenshots');
/** A phone in portrait (WCAG 1.4.10 reflow) and a desktop. */
export const WIDTHS = [320, 1280] as const;
/** axe-core's browser build, evaluated in the page under test. */
const AXE_SOURCE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolationSummary {
  id: string;
  impact?: string | null;
  targets: string[];
}

/** axe-core's WCAG 2.2 AA rules over the page as it is now, its violations only. */
function axeViolations(page: Page): Promise<AxeViolationSummary[]> {
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => node.target.join(' ')) }));
  }, WCAG_TAGS);
}

/**
 * Checks the page as it is at both widths: axe-core's WCAG 2.2 AA rules (every violation
 * returned, with its targets, for a readable failure) and a full-page screenshot of each,
 * `<name>-<width>.png` under `.local/test-output/screenshots/`. Leaves the page at desktop width.
 * axe-core is evaluated in the page once and run directly: @axe-core/playwright injected it
 * anew and opened a blank page for every run, most of a journey's time.
 */
export async function checkPage(page: Page, name: string): Promise<AxeViolationSummary[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(AXE_SOURCE);
  const violations: AxeViolationSummary[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    violations.push(...(await axeViolations(page)).map((violation) => ({ ...violation, id: `${violation.id}@${width}` })));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  return violations;
}

/** Hosts other than the gateway's that the page asked anything of (fonts, scripts, images...). */
export function recordForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  const gatewayOrigin = new URL(gatewayUrl()).origin;
  const identityOrigin = new URL(requiredEnv('SCRT_TEST_IDENTITY_URL')).origin;
  page.on('request', (request) => {
    const { origin, protocol } = new URL(request.url());
    if (protocol === 'data:' || origin === gatewayOrigin || origin === identityOrigin) return;
    foreign.push(request.url());
  });
  return foreign;
}
