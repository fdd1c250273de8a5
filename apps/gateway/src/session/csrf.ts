import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CrossSiteRequestError } from './session.errors.js';

/** The hidden field every state-changing form of a session carries. */
export const CSRF_FIELD = '_csrf';

/**
 * Refuses a request a browser says came from another site: `Sec-Fetch-Site` other than
 * same-origin, or an `Origin` other than the gateway's. Clients that send neither still need
 * the session's token (csrfTokenMatches).
 */
export function checkSameOrigin(headers: IncomingHttpHeaders, publicUrl: string): void {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') throw new CrossSiteRequestError(`The request came from another site (Sec-Fetch-Site: ${site}).`);
  const origin = headers.origin;
  if (origin !== undefined && origin !== new URL(publicUrl).origin) throw new CrossSiteRequestError('The request came from another origin.');
}

export function csrfTokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const [a, b] = [Buffer.from(expected), Buffer.from(given)];
  return a.length === b.length && timingSafeEqual(a, b);
}
