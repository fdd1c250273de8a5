import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ScopeTier } from '@scrt/contracts';
import { SessionService } from '../../session/session.service.js';
import { renderPage } from '../rendering/responses.js';

const SCOPE_HINTS: Record<ScopeTier, string> = {
  icb: 'ICB: you see the records of your ICB.',
  region: 'Region: you see the records of every ICB in your region.',
  national: 'National: you see every record.',
};

const TASKS: Record<string, string> = {
  '/cases': 'Find, view and follow the cases you can see.',
  '/cases/new': 'Record a new safeguarding case.',
  '/reports': 'See caseload, timeliness, themes and learning as charts and tables, and download them.',
};

/** `/`: who the signed-in user is and what they can do, or the way to sign in. */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(@Inject(SessionService) private readonly sessions: SessionService) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.sessions.read(request);
    await renderPage(reply, 200, 'home.njk', session ? { scopeText: SCOPE_HINTS[session.principal.tier], tasks: TASKS } : {});
  }
}
