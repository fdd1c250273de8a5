import { Body, Controller, Get, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@scrt/http';
import { redirect, renderPage } from '../ui/rendering/responses.js';
import { CSRF_FIELD } from './csrf.js';
import { SignInFailedError } from './session.errors.js';
import { SessionService } from './session.service.js';
import { SignInService, type CallbackParameters } from './sign-in.service.js';
import { SignOutService } from './sign-out.service.js';

type QueryString = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, so a repeated parameter cannot smuggle in an array. */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

@ApiExcludeController()
@Controller('auth')
export class SignInController {
  private readonly logger = new Logger(SignInController.name);

  constructor(
    @Inject(SignInService) private readonly signIn: SignInService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SignOutService) private readonly signOut: SignOutService,
  ) {}

  @Get('login')
  async login(@Res() reply: FastifyReply): Promise<void> {
    redirect(reply, await this.signIn.begin(reply));
  }

  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: QueryString): Promise<void> {
    const callback: CallbackParameters = { code: first(query.code), state: first(query.state), iss: first(query.iss), error: first(query.error) };
    try {
      await this.signIn.complete(request, reply, callback);
      redirect(reply, '/');
    } catch (error) {
      if (error instanceof SignInFailedError) {
        this.logger.warn({ message: 'sign-in failed', reason: error.detail });
        return renderPage(reply, 400, 'auth/sign-in-failed.njk');
      }
      if (error instanceof DomainError && error.status === 403) {
        this.logger.warn({ message: 'sign-in refused', code: error.code, reason: error.detail });
        return renderPage(reply, 403, 'auth/no-role.njk', { reason: error.detail ?? error.title, signInAgainHref: '/auth/login' });
      }
      throw error;
    }
  }

  /** Signs nobody out (any site can make a browser GET): offers the sign-out form instead. */
  @Get('logout')
  async confirmLogout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.sessions.read(request);
    if (!session) return redirect(reply, '/');
    await renderPage(reply, 200, 'auth/sign-out.njk');
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Record<string, unknown> | undefined): Promise<void> {
    redirect(reply, await this.signOut.signOut(request, reply, form?.[CSRF_FIELD]), 303);
  }
}
