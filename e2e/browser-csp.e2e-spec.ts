import { beforeEach, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { freshPagePerTest, gatewayUrl, signInAs } from './browser-support.js';

/** The script-src directive of a Content-Security-Policy header. */
const scriptSrc = (policy: string | undefined) => (policy ?? '').split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));

describe('Content-Security-Policy of the gateway pages, in Chromium', () => {
  const browser = freshPagePerTest();
  let page: Page;
  let consoleErrors: string[];

  beforeEach(() => {
    page = browser.page();
    consoleErrors = [];
    // Only the gateway's own pages: the provider's sign-in pages are not under test here.
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith(new URL(gatewayUrl()).origin)) consoleErrors.push(`${message.location().url}: ${message.text()}`);
    });
    page.on('pageerror', (error) => void consoleErrors.push(error.message));
  });

  async function open(path: string): Promise<string | undefined> {
    const response = await page.goto(new URL(path, gatewayUrl()).href);
    return scriptSrc(response?.headers()['content-security-policy']);
  }

  it('runs the home page scripts by nonce, without unsafe-inline and without violations', async () => {
    const directive = await open('/');
    expect(directive).toMatch(/'nonce-[A-Za-z0-9+/]+=*'/);
    expect(directive).not.toContain("'unsafe-inline'");
    // Set by the page's nonce-carrying inline script: it ran.
    expect(await page.locator('body').getAttribute('class')).toContain('js-enabled');
    await signInAs(page, 'Priya Shah');
    expect(await page.locator('body').getAttribute('class')).toContain('js-enabled');
    expect(consoleErrors).toEqual([]);
  });

  it('runs Swagger UI at /api/docs without unsafe-inline and without violations', async () => {
    const directive = await open('/api/docs');
    expect(directive).toMatch(/'nonce-/);
    expect(directive).not.toContain("'unsafe-inline'");
    await page.locator('.swagger-ui .information-container .title').waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
});
