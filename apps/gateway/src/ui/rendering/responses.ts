import type { FastifyReply } from 'fastify';

/** Pages name the user and their access: never cached, by the browser or anything between. */
export async function renderPage(reply: FastifyReply, status: number, template: string, viewModel: object = {}): Promise<void> {
  const markup = await reply.viewAsync(template, viewModel);
  await reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(markup);
}

/** 303 after a POST, so that the browser follows with a GET. */
export function redirect(reply: FastifyReply, location: string, status: 302 | 303 = 302): void {
  void reply.header('cache-control', 'no-store').redirect(location, status);
}
