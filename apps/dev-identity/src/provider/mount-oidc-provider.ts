import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CORRELATION_HEADER } from '@scrt/observability';
import { OidcProviderHost } from './oidc-provider.host.js';
import { PROVIDER_ROUTES } from './provider-configuration.js';

const PROVIDER_PATHS = ['/.well-known', ...Object.values(PROVIDER_ROUTES)];

export function isProviderPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return PROVIDER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the provider's endpoints on the app's port. The hook runs before Fastify parses the body
 * (oidc-provider reads the raw request itself) and hands the request over to the provider's
 * Node.js listener; every other path goes on to the Nest routes.
 */
export function mountOidcProvider(app: NestFastifyApplication): void {
  const host = app.get(OidcProviderHost);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (!isProviderPath(request.url)) return;
      reply.hijack();
      reply.raw.setHeader(CORRELATION_HEADER, request.headers[CORRELATION_HEADER] as string);
      await host.listener(request.raw, reply.raw);
    });
}
