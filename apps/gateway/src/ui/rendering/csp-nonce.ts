import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/** One nonce per response, created when first asked for (by the CSP header or by a page). */
const nonces = new WeakMap<ServerResponse, string>();

function nonceFor(response: ServerResponse): string {
  let nonce = nonces.get(response);
  if (!nonce) {
    nonce = randomBytes(16).toString('base64');
    nonces.set(response, nonce);
  }
  return nonce;
}

/** The nonce a page's inline scripts must carry to run under this response's CSP. */
export function cspNonceOf(reply: FastifyReply): string {
  return nonceFor(reply.raw);
}

/** A `script-src` source for helmet, which calls it with the raw request and response. */
export function scriptNonceSource(_request: IncomingMessage, response: ServerResponse): string {
  return `'nonce-${nonceFor(response)}'`;
}
