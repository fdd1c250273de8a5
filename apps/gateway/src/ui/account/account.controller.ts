import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionService, type ResumedSession } from '../../session/session.service.js';
import { PageAccessGuard, PageSession } from '../foundation/page-access.guard.js';
import { roleDisplayName, secondsUntil } from '../rendering/page-locals.js';
import { redirect, renderPage } from '../rendering/responses.js';
import { roleChoicesOf } from './role-choice.js';
import { RoleSwitchService } from './role-switch.service.js';

const ROLE_FIELD = 'roleId';

/** The signed-in user's own session: the role they act in, and staying signed in. */
@ApiExcludeController()
@Controller('account')
@UseGuards(PageAccessGuard)
export class AccountController {
  constructor(
    @Inject(RoleSwitchService) private readonly roles: RoleSwitchService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  @Get('role')
  chooseRole(@PageSession() session: ResumedSession, @Res() reply: FastifyReply): Promise<void> {
    return renderPage(reply, 200, 'account/role.njk', { roles: roleChoicesOf(session.roleClaims, session.principal.roleId) });
  }

  @Post('role')
  async switchRole(@PageSession() session: ResumedSession, @Body() form: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const outcome = await this.roles.switchTo(request, reply, session, form[ROLE_FIELD]);
    if (!outcome.switched) {
      const errorList = [{ text: outcome.error, href: `#${ROLE_FIELD}` }];
      return renderPage(reply, 422, 'account/role.njk', { roles: roleChoicesOf(session.roleClaims, undefined), errorList, roleError: { text: outcome.error } });
    }
    await this.sessions.flash(request, { heading: `You are now working as ${roleDisplayName(outcome.roleName)}` });
    redirect(reply, '/', 303);
  }

  /** The session-timeout warning's "Stay signed in": the guard's resume already restarted the idle timeout. */
  @Post('session')
  @HttpCode(200)
  async extendSession(@PageSession() session: ResumedSession, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (request.headers.accept?.includes('application/json')) {
      await reply.header('cache-control', 'no-store').send({ expiresAt: session.expiresAt, expiresInSeconds: secondsUntil(session.expiresAt) });
      return;
    }
    await this.sessions.flash(request, { heading: 'You are still signed in' });
    redirect(reply, returnPathOf(request.headers.referer), 303);
  }
}

/** Back to the page the form was on (its path only: never another site), else home. */
export function returnPathOf(referer: string | undefined): string {
  if (!referer || !URL.canParse(referer)) return '/';
  const { pathname, search } = new URL(referer);
  return `${pathname}${search}`;
}
