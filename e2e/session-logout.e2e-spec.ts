import { beforeEach, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { countRows } from './support.js';
import { SESSION_COOKIE, gatewayUrl, freshPagePerTest, sessionCookieOf, signInAs } from './browser-support.js';

/** A signed-in session as a script sees it: the cookie and the CSRF token of its pages. */
interface SignedIn {
  cookie: string;
  csrfToken: string;
}

const logoutUrl = () => new URL('/auth/logout', gatewayUrl()).href;

function postLogout(session: SignedIn, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(logoutUrl(), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: `${SESSION_COOKIE}=${session.cookie}`, 'content-type': 'application/x-www-form-urlencoded', origin: new URL(gatewayUrl()).origin, ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

async function homeHeading(cookie: string): Promise<string | undefined> {
  const page = await (await fetch(gatewayUrl(), { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } })).text();
  return /<h1>([^<]*)<\/h1>/.exec(page)?.[1];
}

describe('sign-out (POST /auth/logout)', () => {
  const browser = freshPagePerTest();
  let session: SignedIn;

  beforeEach(async () => {
    await signInAs(browser.page(), 'Priya Shah');
    await browser.page().goto(logoutUrl());
    session = { cookie: (await sessionCookieOf(browser.context()))!, csrfToken: await browser.page().locator('main form input[name="_csrf"]').first().inputValue() };
  });

  it('ends the session server-side and sends the browser to end the provider session', async () => {
    const response = await postLogout(session, { _csrf: session.csrfToken });

    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/session/end');
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(gatewayUrl());
    expect(decodeJwt(location.searchParams.get('id_token_hint')!)).toMatchObject({ aud: 'scrt-gateway', sub: expect.any(String) });
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));

    // Replaying the cookie after sign-out: signed out.
    expect(await homeHeading(session.cookie)).toBe('Sign in');
    expect(await countRows('gateway.browser_session', 'ended_at IS NOT NULL AND principal->>\'name\' = $1', ['Priya Shah'])).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['without the CSRF token', {}, {}],
    ['with another CSRF token', { _csrf: 'A'.repeat(43) }, {}],
    ['from another origin', undefined, { origin: 'https://attacker.example' }],
    ['from another site (Sec-Fetch-Site)', undefined, { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a sign-out %s with a 403 page and keeps the session', async (_case, form, headers) => {
    const response = await postLogout(session, form ?? { _csrf: session.csrfToken }, headers);

    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(await response.text())?.[1]?.trim()).toBe('Your form could not be sent');
    expect(await homeHeading(session.cookie)).toBe('Your access');
  });

  it('ends the session a new sign-in in the same browser replaces', async () => {
    const page = browser.page();
    await page.goto(new URL('/auth/login', gatewayUrl()).href);
    await page.getByRole('button', { name: 'Tom Hughes' }).click();
    await page.waitForURL(gatewayUrl());

    expect(await sessionCookieOf(browser.context())).not.toBe(session.cookie);
    expect(await homeHeading(session.cookie)).toBe('Sign in');
  });

  it('signs nobody out on GET: it offers the form instead', async () => {
    const response = await fetch(logoutUrl(), { headers: { cookie: `${SESSION_COOKIE}=${session.cookie}` }, redirect: 'manual' });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`<input type="hidden" name="_csrf" value="${session.csrfToken}">`);
    expect(await homeHeading(session.cookie)).toBe('Your access');
  });
});
