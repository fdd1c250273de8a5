import type { FastifyReply } from 'fastify';

/** Short: a client sees a newly published version within a minute; `private`: only to the signed-in user. */
export const CODE_LIST_CACHE_CONTROL = 'private, max-age=60';

/**
 * A strong ETag of a published version: a published version never changes (the database refuses
 * it), so its list and number name its representation exactly, and a 304 needs no codes read.
 */
export const publishedVersionEtag = (list: string, version: number) => `"${list}.v${version}"`;

/** True when `If-None-Match` names the current representation (or `*`); weak tags never match. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag;
  });
}

/** Sets the caching headers; true when the client has this representation (answer 304, no body). */
export function notModified(reply: FastifyReply, ifNoneMatch: string | undefined, etag: string): boolean {
  void reply.header('etag', etag).header('cache-control', CODE_LIST_CACHE_CONTROL);
  if (!matchesIfNoneMatch(ifNoneMatch, etag)) return false;
  void reply.status(304);
  return true;
}
