import { Controller, Get, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@scrt/http';
import { redirect, sendPage } from '../views/responses.js';
import { OidcClient, POST_LOGOUT_PATH } from './oidc-client.js';
import { noRolePage, signInFailedPage } from './pages/sign-in-problem.page.js';
import { SignInFailedError } from './session.errors.js';
import { SessionService } from './session.service.js';
import { SignInService, type CallbackParameters } from './sign-in.service.js';

type QueryString = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, so a repeated parameter cannot smuggle in an array. */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

@Controller('auth')
export class SignInController {
  private readonly logger = new Logger(SignInController.name);

  constructor(
    @Inject(SignInService) private readonly signIn: SignInService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(OidcClient) private readonly oidc: OidcClient,
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
        return sendPage(reply, 400, signInFailedPage());
      }
      if (error instanceof DomainError && error.status === 403) {
        this.logger.warn({ message: 'sign-in refused', code: error.code, reason: error.detail });
        return sendPage(reply, 403, noRolePage(error.detail ?? error.title));
      }
      throw error;
    }
  }

  @Get('logout')
  async logout(@Res() reply: FastifyReply): Promise<void> {
    this.sessions.end(reply);
    redirect(reply, (await this.oidc.endSessionUrl()) ?? POST_LOGOUT_PATH);
  }
}
