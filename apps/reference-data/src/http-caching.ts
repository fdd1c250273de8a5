import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** Short: a client sees a newly published version within a minute; `private`: only to the signed-in user. */
export const REFERENCE_DATA_CACHE_CONTROL = 'private, max-age=60';

/**
 * A strong ETag of a published version: a published version never changes (the database refuses
 * it), so its list and number name its representation exactly, and a 304 needs no codes read.
 */
export const publishedVersionEtag = (list: string, version: number) => `"${list}.v${version}"`;

/** A strong ETag of a representation that has no version number (the bank holidays of some years): a digest of its bytes. */
export const contentEtag = (name: string, body: unknown) => `"${name}.${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;

/** The response headers a cached reference-data read documents (OpenAPI). */
export const cachingHeaders = (example: string) =>
  ({
    ETag: { description: 'Strong validator of this representation.', schema: { type: 'string', example } },
    'Cache-Control': { description: 'Private, short-lived.', schema: { type: 'string', example: REFERENCE_DATA_CACHE_CONTROL } },
  }) as const;

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
  void reply.header('etag', etag).header('cache-control', REFERENCE_DATA_CACHE_CONTROL);
  if (!matchesIfNoneMatch(ifNoneMatch, etag)) return false;
  void reply.status(304);
  return true;
}
