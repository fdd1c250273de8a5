import { Controller, Get, Headers, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { UnauthenticatedError } from '@scrt/http';
import { USERINFO_PATH } from '../provider/provider-configuration.js';
import { UserinfoService } from './userinfo.service.js';

/** OpenID Connect userinfo (GET or POST, bearer token in the Authorization header). */
@Controller(USERINFO_PATH)
export class UserinfoController {
  constructor(private readonly userinfo: UserinfoService) {}

  @Get()
  read(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(authorization, reply);
  }

  @Post()
  @HttpCode(200)
  readByPost(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(authorization, reply);
  }

  private async answer(authorization: string | undefined, reply: FastifyReply): Promise<Record<string, unknown>> {
    void reply.header('cache-control', 'no-store');
    try {
      return await this.userinfo.claimsFor(authorization);
    } catch (error) {
      if (error instanceof UnauthenticatedError) void reply.header('www-authenticate', 'Bearer');
      throw error;
    }
  }
}
