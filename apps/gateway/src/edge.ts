import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccessTokenVerifier } from './auth/access-token.verifier.js';
import { rateLimitKeyOf } from './auth/rate-limit-key.js';
import type { GatewayEnv } from './config/gateway.config.js';
import { scriptNonceSource } from './ui/rendering/csp-nonce.js';

/** What the gateway adds at the edge: security headers, cookies, a per-client rate limit. */
export async function configureEdge(app: NestFastifyApplication, config: GatewayEnv): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // No 'unsafe-inline': an inline script runs only with this response's nonce.
        scriptSrc: ["'self'", scriptNonceSource],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'", config.OIDC_ISSUER],
        connectSrc: ["'self'", config.OIDC_ISSUER],
      },
    },
    // Swagger UI's OAuth sign-in runs in a popup that must reach back to the docs page.
    crossOriginOpenerPolicy: false,
    // helmet's no-referrer makes browsers send `Origin: null` even on our own forms, which
    // would leave the sign-out form's Origin check nothing to compare. Other sites still get nothing.
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    keyGenerator: rateLimitKeyOf(app.get(AccessTokenVerifier, { strict: false })),
    allowList: (request) => request.url.startsWith('/health/'),
    // Thrown into the shared error handler, which answers problem+json; the plugin sets Retry-After.
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Rate limit of ${context.max} requests per ${context.after} reached; retry after the Retry-After delay.`), { statusCode: 429 }),
  });
}
