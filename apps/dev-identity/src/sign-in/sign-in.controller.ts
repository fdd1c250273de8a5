import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChooseAccountForm } from './dto/choose-account.form.js';
import { ChooseRoleForm } from './dto/choose-role.form.js';
import { SignInInteraction, type RawExchange, type SignInStep } from './sign-in.interaction.js';

/** The pages oidc-provider sends the browser to (`interactions.url`); forms post back here. */
@Controller('interaction/:uid')
export class SignInController {
  constructor(private readonly signIn: SignInInteraction) {}

  @Get()
  async show(@Param('uid') uid: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    respond(reply, await this.signIn.start(raw(request, reply), uid));
  }

  @Post('account')
  @HttpCode(200)
  async chooseAccount(@Param('uid') uid: string, @Body() form: ChooseAccountForm, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    respond(reply, await this.signIn.chooseAccount(raw(request, reply), uid, form.username));
  }

  @Post('role')
  @HttpCode(200)
  async chooseRole(@Param('uid') uid: string, @Body() form: ChooseRoleForm, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    respond(reply, await this.signIn.chooseRole(raw(request, reply), uid, form.username, form.roleId));
  }
}

function raw(request: FastifyRequest, reply: FastifyReply): RawExchange {
  return { req: request.raw, res: reply.raw };
}

function respond(reply: FastifyReply, step: SignInStep): void {
  if ('redirectTo' in step) {
    // 303: the browser follows a form post with a GET.
    void reply.redirect(step.redirectTo, 303);
  } else {
    void reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(step.page);
  }
}
