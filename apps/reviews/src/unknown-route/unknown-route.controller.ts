import { All, Controller, Headers, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '@scrt/http';
import { UnknownRouteService } from './unknown-route.service.js';

/**
 * Every `/api/v1` path no other route serves: 401 without a valid token, 404 with one, as the
 * other services answer. Public for the guard only because it must not ask for a permission.
 */
@ApiExcludeController()
@Public()
@Controller()
export class UnknownRouteController {
  constructor(private readonly unknownRoutes: UnknownRouteService) {}

  @All('*')
  refuse(@Headers('authorization') authorization: string | undefined, @Req() request: FastifyRequest): Promise<never> {
    return this.unknownRoutes.refuse(authorization, request.url.split('?')[0]);
  }
}
