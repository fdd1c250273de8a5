import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ViewsModule } from '../views/views.module.js';
import { HomeController } from './home.controller.js';
import { OidcClient } from './oidc-client.js';
import { SessionService } from './session.service.js';
import { SignInController } from './sign-in.controller.js';
import { SignInService } from './sign-in.service.js';

/**
 * Browser sign-in through the OpenID provider (CIS2, or dev-identity locally) and the pages that
 * go with it: `/`, `/auth/login`, `/auth/callback`, `/auth/logout`, `/assets/nhsuk/`. Exports
 * SessionService for further server-rendered pages. Needs the global GatewayEnv provider.
 */
@Module({
  imports: [AuthModule, ViewsModule],
  controllers: [HomeController, SignInController],
  providers: [SessionService, SignInService, OidcClient],
  exports: [SessionService],
})
export class SessionModule {}
