import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NHSUK_ASSETS_PREFIX } from './layout.js';

/** nhsuk-frontend's compiled CSS, scripts and images, wherever npm installed the package. */
export function nhsukDistDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('nhsuk-frontend/package.json');
  return join(dirname(packageJson), 'dist', 'nhsuk');
}

/** Serves nhsuk-frontend under NHSUK_ASSETS_PREFIX for the server-rendered pages. */
@Injectable()
export class NhsukAssets implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // decorateReply: false leaves reply.sendFile to whoever else registers @fastify/static (Swagger UI does).
    void fastify.register(fastifyStatic, { root: nhsukDistDirectory(), prefix: NHSUK_ASSETS_PREFIX, decorateReply: false });
  }
}
