import fastifyView from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { SessionService } from '../../session/session.service.js';
import { BrowserErrorFilter } from '../foundation/browser-error.filter.js';
import { cspNonceOf } from './csp-nonce.js';
import { pageLocals } from './page-locals.js';
import { isPagePath } from './page-paths.js';
import { createViewEnvironment } from './view-environment.js';

/**
 * The admin UI's rendering: @fastify/view with our Nunjucks environment, nhsuk-frontend's
 * assets, the per-request locals and NHS-styled error pages for browser paths.
 */
export async function configurePages(app: NestFastifyApplication): Promise<void> {
  await configureViews(app);
  // Loaded here only: @fastify/static requires an ESM-only package, which Jest's route specs cannot load.
  const { serveNhsukAssets } = await import('./nhsuk-assets.js');
  await serveNhsukAssets(app.getHttpAdapter().getInstance() as unknown as FastifyInstance);
}

/** Rendering without the static assets (which route specs do without). */
export async function configureViews(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const environment = createViewEnvironment();
  // @fastify/view calls `configure` on what it is given: hand it our environment, not the global one.
  await fastify.register(fastifyView, { engine: { nunjucks: { configure: () => environment } }, templates: [] });
  const sessions = app.get(SessionService);
  fastify.addHook('preHandler', async (request, reply) => {
    if (!isPagePath(request.url)) return;
    const path = request.url.split('?')[0];
    reply.locals = { ...reply.locals, ...pageLocals(await sessions.read(request), path, cspNonceOf(reply)) };
  });
  app.useGlobalFilters(new BrowserErrorFilter());
}
