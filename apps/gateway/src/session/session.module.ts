import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { OidcClient } from './oidc-client.js';
import { SessionPurge } from './session-purge.js';
import { SessionStore } from './session-store.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { SignInController } from './sign-in.controller.js';
import { SignInService } from './sign-in.service.js';
import { SignOutService } from './sign-out.service.js';

/**
 * Browser sign-in through the OpenID provider (CIS2, or dev-identity locally) and the pages that
 * go with it: `/auth/login`, `/auth/callback`, `/auth/logout`. Sessions live in the gateway's schema. Exports
 * SessionService for the admin UI's pages (`ui/`). Needs the global GatewayEnv and DATABASE providers.
 */
@Module({
  imports: [AuthModule],
  controllers: [SignInController],
  providers: [SessionRepository, SessionStore, SessionPurge, SessionService, SignInService, SignOutService, OidcClient],
  exports: [SessionService],
})
export class SessionModule {}
