import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GatewayEnv } from '../../config/gateway.config.js';
import { renderPage } from '../rendering/responses.js';

/** The footer's pages: open to everyone, signed in or not. */
@ApiExcludeController()
@Controller()
export class HelpPagesController {
  constructor(@Inject(GatewayEnv) private readonly config: GatewayEnv) {}

  @Get('accessibility')
  accessibility(@Res() reply: FastifyReply): Promise<void> {
    return renderPage(reply, 200, 'help/accessibility.njk');
  }

  @Get('privacy')
  privacy(@Res() reply: FastifyReply): Promise<void> {
    return renderPage(reply, 200, 'help/privacy.njk', {
      idleMinutes: Math.round(this.config.SESSION_IDLE_TIMEOUT_SECONDS / 60),
      lifetimeHours: Math.round(this.config.SESSION_ABSOLUTE_LIFETIME_SECONDS / 3600),
    });
  }

  @Get('contact')
  contact(@Res() reply: FastifyReply): Promise<void> {
    return renderPage(reply, 200, 'help/contact.njk');
  }
}
