import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cspNonceOf } from '../views/csp-nonce.js';
import { sendPage } from '../views/responses.js';
import { signedInPage, signedOutPage } from './pages/home.page.js';
import { SessionService } from './session.service.js';

@Controller()
export class HomeController {
  constructor(@Inject(SessionService) private readonly sessions: SessionService) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.sessions.read(request);
    sendPage(reply, 200, session ? signedInPage(session.principal, session.csrfToken, cspNonceOf(reply)) : signedOutPage(cspNonceOf(reply)));
  }
}
