import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt, type JWTPayload } from 'jose';

export interface IdentityTokens {
  accessToken: string;
  idToken: string;
}

export interface SignInOptions {
  username: string;
  /** `person_roleid` to pick when the user holds several roles (ignored otherwise). */
  roleId?: string;
  clientId?: string;
  redirectUri?: string;
  /** The scopes to ask for; every CIS2 scope the tracker reads unless told. */
  scope?: string;
}

/** Every CIS2 scope the tracker reads, so that tokens carry every claim it needs. */
export const USER_SCOPE = 'openid profile nhsperson associatedorgs nationalrbacaccess selectedrole';
const MAX_SIGN_IN_PAGES = 4;
const MAX_REDIRECTS = 10;

interface ProviderMetadata {
  authorization_endpoint: string;
  token_endpoint: string;
}

/** A machine client's access token (client credentials grant, `client_secret_basic`). */
export async function clientCredentialsToken(identityUrl: string, clientId: string, clientSecret: string, scope?: string): Promise<string> {
  const { token_endpoint } = await discover(identityUrl);
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  const { access_token } = await requestTokens(token_endpoint, form, { authorization: `Basic ${basic}` });
  return access_token;
}

/**
 * Signs a demo user in the way a browser does: authorization code + PKCE through the provider's
 * real sign-in pages (choose account, then role when asked), with a cookie jar and redirects
 * followed by hand, then exchanges the code at the token endpoint as a public client (the API
 * explorer unless told otherwise).
 */
export async function signInForTokens(identityUrl: string, options: SignInOptions): Promise<IdentityTokens> {
  const { username, roleId, clientId = 'scrt-api-explorer', redirectUri = 'http://localhost/e2e-callback', scope = USER_SCOPE } = options;
  const metadata = await discover(identityUrl);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(metadata.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    state,
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  const browser = new Browser(redirectUri);
  let step = await browser.navigate(authorize.href);
  for (let pages = 0; 'html' in step; pages += 1) {
    if (pages === MAX_SIGN_IN_PAGES) throw new Error(`sign-in of ${username} did not finish after ${pages} pages; last page:\n${step.html}`);
    const fields: Record<string, string> = { username };
    if (step.html.includes('name="roleId"')) {
      if (!roleId) throw new Error(`${username} holds several roles: pass roleId`);
      fields.roleId = roleId;
    }
    step = await browser.navigate(formAction(step.html, step.url), { method: 'POST', body: new URLSearchParams(fields) });
  }

  const callback = new URL(step.callback);
  if (callback.searchParams.get('state') !== state) throw new Error(`sign-in returned a foreign state: ${step.callback}`);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`sign-in of ${username} was refused: ${step.callback}`);
  const tokens = await requestTokens(
    metadata.token_endpoint,
    new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }),
  );
  if (!tokens.id_token) throw new Error('the token response has no id_token');
  return { accessToken: tokens.access_token, idToken: tokens.id_token };
}

/** The claims of a JWT, unverified: for assertions on tokens the test just received. */
export function decodeJwtPayload<T extends object = JWTPayload & Record<string, unknown>>(token: string): T {
  return decodeJwt(token) as T;
}

async function discover(identityUrl: string): Promise<ProviderMetadata> {
  const response = await fetch(new URL('/.well-known/openid-configuration', identityUrl));
  if (!response.ok) throw new Error(`discovery at ${identityUrl} answered ${response.status}`);
  return (await response.json()) as ProviderMetadata;
}

async function requestTokens(tokenEndpoint: string, form: URLSearchParams, headers: Record<string, string> = {}) {
  const response = await fetch(tokenEndpoint, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  const body = (await response.json()) as { access_token?: string; id_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`token endpoint answered ${response.status}: ${body.error} ${body.error_description ?? ''}`);
  return { access_token: body.access_token, id_token: body.id_token };
}

function formAction(html: string, pageUrl: string): string {
  const action = /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the sign-in page:\n${html}`);
  return new URL(action.replaceAll('&amp;', '&'), pageUrl).href;
}

type BrowserStep = { html: string; url: string } | { callback: string };

/**
 * Just enough of a browser: a cookie jar (one host, so paths are ignored) and redirects, stopping
 * at the client's redirect URI.
 */
class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly redirectUri: string) {}

  async navigate(url: string, init: { method: 'GET' | 'POST'; body?: URLSearchParams } = { method: 'GET' }): Promise<BrowserStep> {
    let request: { url: string; method: string; body?: URLSearchParams } = { url, ...init };
    for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects += 1) {
      const response = await fetch(request.url, {
        method: request.method,
        body: request.body,
        redirect: 'manual',
        headers: { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      this.keepCookies(response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, request.url).href;
        if (next.startsWith(this.redirectUri)) return { callback: next };
        request = { url: next, method: 'GET' };
        continue;
      }
      const html = await response.text();
      if (!response.ok) throw new Error(`${request.method} ${request.url} answered ${response.status}:\n${html}`);
      return { html, url: request.url };
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
  }

  private keepCookies(setCookies: string[]): void {
    for (const setCookie of setCookies) {
      const [pair, ...attributes] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const [name, value] = [pair.slice(0, separator).trim(), pair.slice(separator + 1).trim()];
      if (!value || isExpired(attributes)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

function isExpired(cookieAttributes: string[]): boolean {
  return cookieAttributes.some((attribute) => {
    const [key, value = ''] = attribute.trim().split('=');
    return (/^max-age$/i.test(key) && Number(value) <= 0) || (/^expires$/i.test(key) && Date.parse(value) <= Date.now());
  });
}
