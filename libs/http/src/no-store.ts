import type { FastifyReply, FastifyRequest } from 'fastify';

const API_PATH = /^\/api\/v1(?:[/?]|$)/;

/**
 * Fastify `onSend` hook: answers of the API (`/api/v1`, success or problem) may carry case data,
 * so neither a browser nor a shared cache may keep them. A route whose data is not case data
 * (published reference data) says so by setting its own `Cache-Control`, which is kept.
 */
export async function noStoreForApi(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (!API_PATH.test(request.url)) return payload;
  if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  // The gateway relays a service's no-store; HTTP/1.0 caches need the Pragma beside it.
  if (reply.getHeader('cache-control') === 'no-store') void reply.header('pragma', 'no-cache');
  return payload;
}
