import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** Short: a client sees a newly published version within a minute; `private`: only to the signed-in user. */
export const CODE_LIST_CACHE_CONTROL = 'private, max-age=60';

/** A strong ETag: the hash of the exact representation. */
export const strongEtagOf = (body: unknown) => `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;

/** True when `If-None-Match` names the current representation (or `*`). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag;
  });
}

/** Sets the caching headers; answers 304 (no body) when the client has this representation. */
export function conditionalJson<T>(reply: FastifyReply, ifNoneMatch: string | undefined, body: T): T | undefined {
  const etag = strongEtagOf(body);
  void reply.header('etag', etag).header('cache-control', CODE_LIST_CACHE_CONTROL);
  if (!matchesIfNoneMatch(ifNoneMatch, etag)) return body;
  void reply.status(304);
  return undefined;
}
