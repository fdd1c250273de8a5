import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppEnv, loadConfig } from '@scrt/config';
import type { ServiceName } from '../stack/apps-catalog.js';

/** Every service serves its API under this prefix (see `bootstrapService`'s `apiPrefix`). */
export const API_PREFIX = 'api/v1';

/**
 * Configuration that passes validation but reaches nothing: in preview mode Nest resolves the
 * module graph without instantiating a provider, so no database, broker or key is ever used.
 */
const PLACEHOLDER_ENV = {
  PORT: '1',
  DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/openapi',
  KAFKA_BROKERS: '127.0.0.1:1',
  INTERNAL_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnot a key: never imported in preview mode\n-----END PUBLIC KEY-----',
};

interface ServiceAppModule {
  AppModule: { register(config: AppEnv): DynamicModule };
}

/**
 * A service's root module, found by the repository's convention: `AppModule.register(config)` in
 * `apps/<service>/src/app.module.ts`, its env class in `apps/<service>/src/config/<service>.config.ts`.
 * Loaded by path so that one unfinished service fails this run, not the whole build.
 */
async function loadServiceModule(service: ServiceName): Promise<DynamicModule> {
  const appModule = (await importOrExplain(service, `../../apps/${service}/src/app.module.js`)) as Partial<ServiceAppModule>;
  if (typeof appModule.AppModule?.register !== 'function') {
    throw new Error(`apps/${service}/src/app.module.ts must export AppModule with a static register(config)`);
  }
  const configModule = await importOrExplain(service, `../../apps/${service}/src/config/${service}.config.js`);
  const configClasses = Object.values(configModule).filter(
    (value): value is new () => AppEnv => typeof value === 'function' && value.prototype instanceof AppEnv,
  );
  if (configClasses.length !== 1) {
    throw new Error(`apps/${service}/src/config/${service}.config.ts must export exactly one AppEnv class (found ${configClasses.length})`);
  }
  return appModule.AppModule.register(loadConfig(configClasses[0], PLACEHOLDER_ENV));
}

async function importOrExplain(service: ServiceName, specifier: string): Promise<Record<string, unknown>> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot load ${service}'s ${specifier.replace(/^(\.\.\/)+/, '')}: ${(error as Error).message}`, { cause: error });
  }
}

/** The paths and components one service's code declares, exactly as it serves them. */
export async function createServiceDocument(service: ServiceName): Promise<OpenAPIObject> {
  const app = await NestFactory.create(await loadServiceModule(service), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return SwaggerModule.createDocument(app, { openapi: '3.1.0', info: { title: service, version: '0' } });
  } finally {
    await app.close();
  }
}
