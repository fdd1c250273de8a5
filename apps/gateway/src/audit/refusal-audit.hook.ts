import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { RefusalAuditService } from './refusal-audit.service.js';

/** Sees every response before it leaves, whichever part of the gateway refused the request. */
@Injectable()
export class RefusalAuditHook implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(RefusalAuditService) private readonly audit: RefusalAuditService,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (request, reply, payload) => {
      await this.audit.recordIfRefused(request, reply, payload);
      return payload;
    });
  }
}
