import type { FastifyReply } from 'fastify';

/** Pages name the user and their access: never cached, by the browser or anything between. */
export function sendPage(reply: FastifyReply, status: number, markup: string): void {
  void reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(markup);
}

export function redirect(reply: FastifyReply, location: string): void {
  void reply.header('cache-control', 'no-store').redirect(location, 302);
}
