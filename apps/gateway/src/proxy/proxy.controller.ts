import { All, Controller, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@scrt/contracts';
import { BearerAuthGuard } from '../auth/bearer-auth.guard.js';
import { ProxyService } from './proxy.service.js';

/** Every `/api/v1` call: authenticated here, authorised again by the owning service. */
@ApiExcludeController()
@Controller('api/v1')
@UseGuards(BearerAuthGuard)
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  @All('*')
  forward(@Req() request: FastifyRequest & { user: Principal }, @Res() reply: FastifyReply): Promise<void> {
    return this.proxy.forward(request, reply, request.user);
  }
}
