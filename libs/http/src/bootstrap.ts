import 'reflect-metadata';
import type { DynamicModule, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigurationError, loadConfig, type AppEnv } from '@scrt/config';
import { CORRELATION_HEADER, REQUEST_ID_HEADER, createLogger, createRequestContext, runWithRequestContext } from '@scrt/observability';
import { httpEdgeServerOptions, installJsonBodyParser, installRequestPolicy } from './edge/http-edge.js';
import { noStoreForApi } from './no-store.js';
import { ProblemDetailsFilter, sendProblem, toProblem } from './problem.filter.js';
import { createValidationPipe } from './validation.js';

export interface BootstrapOptions<C extends AppEnv> {
  serviceName: string;
  configClass: new () => C;
  /** The app's root module, given its validated configuration. */
  module: (config: C) => DynamicModule;
  /** Extra set-up before listening (plugins, static files, documents). */
  configure?: (app: NestFastifyApplication, config: C) => Promise<void> | void;
  bodyLimitBytes?: number;
  /** Prefix of every route but the health probes and `/metrics` (services: `api/v1`). */
  apiPrefix?: string;
  env?: Record<string, string | undefined>;
  /** Reverse proxies whose X-Forwarded-* headers decide `request.ip`; none unless given. */
  trustedProxies?: (config: C) => string[];
  /** Defaults to the JSON logger of `@scrt/observability`; `false` silences the app (tests). */
  logger?: LoggerService | false;
}

/** Loads configuration or stops the process with a message naming what is wrong. */
export function loadConfigOrExit<C extends object>(serviceName: string, configClass: new () => C, env = process.env): C {
  try {
    return loadConfig(configClass, env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${JSON.stringify({ level: 'error', service: serviceName, message: error.message })}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Creates the Fastify app with the shared edges: logging, correlation id, problem+json, validation. */
export async function createServiceApp<C extends AppEnv>(options: BootstrapOptions<C>, config: C): Promise<NestFastifyApplication> {
  const bodyLimit = options.bodyLimitBytes ?? 256 * 1024;
  const trustedProxies = options.trustedProxies?.(config) ?? [];
  const adapter = new FastifyAdapter({ bodyLimit, trustProxy: trustedProxies.length > 0 ? trustedProxies : false, ...httpEdgeServerOptions() });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const context = createRequestContext(request.headers[CORRELATION_HEADER]);
    request.headers[CORRELATION_HEADER] = context.correlationId;
    void reply.header(CORRELATION_HEADER, context.correlationId).header(REQUEST_ID_HEADER, context.requestId);
    runWithRequestContext(context, done);
  });
  installRequestPolicy(fastify);
  fastify.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error, request.url)));
  fastify.addHook('onSend', noStoreForApi);

  const app = await NestFactory.create<NestFastifyApplication>(options.module(config), adapter, {
    logger: options.logger ?? (await createLogger(options.serviceName, config.LOG_LEVEL)),
    rawBody: true,
  });
  installJsonBodyParser(app, bodyLimit);
  if (options.apiPrefix) app.setGlobalPrefix(options.apiPrefix, { exclude: ['health/live', 'health/ready', 'metrics'] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  await options.configure?.(app, config);
  return app;
}

/** How long a stop may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * A graceful stop that hangs (a Kafka consumer rejoining its group, a connection that never
 * drains) must not keep a stopped process alive: whoever stops it (the supervisor, Kubernetes)
 * is waiting. Nothing acknowledged depends on the stop finishing (the outbox holds it).
 */
function exitWhenStopHangs(serviceName: string): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`${JSON.stringify({ level: 'error', service: serviceName, message: `still stopping ${SHUTDOWN_DEADLINE_MS} ms after ${signal}; exiting` })}\n`);
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
    });
  }
}

/** The one `main.ts` body every app shares. */
export async function bootstrapService<C extends AppEnv>(options: BootstrapOptions<C>): Promise<NestFastifyApplication> {
  const config = loadConfigOrExit(options.serviceName, options.configClass, options.env);
  const app = await createServiceApp(options, config);
  exitWhenStopHangs(options.serviceName);
  await app.listen({ port: config.PORT, host: config.HOST });
  app.getHttpAdapter().getInstance().log.info?.(`listening on ${config.HOST}:${config.PORT}`);
  return app;
}
