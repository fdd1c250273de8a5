import { Module, type DynamicModule } from '@nestjs/common';
import { PrincipalModule } from '../principal/principal.module.js';
import { ViewsModule } from '../views/views.module.js';
import { HomeController } from './home.controller.js';
import { OidcClient } from './oidc-client.js';
import { SessionService } from './session.service.js';
import { SESSION_SETTINGS, type SessionSettings } from './session-settings.js';
import { SignInController } from './sign-in.controller.js';
import { SignInService } from './sign-in.service.js';

/**
 * Browser sign-in through the OpenID Connect provider (CIS2 or dev-identity) and the pages that
 * go with it: `/`, `/auth/login`, `/auth/callback`, `/auth/logout`, `/assets/nhsuk/`. Exports
 * SessionService for other server-rendered pages.
 */
@Module({})
export class SessionModule {
  static register(settings: SessionSettings): DynamicModule {
    return {
      module: SessionModule,
      imports: [PrincipalModule, ViewsModule],
      controllers: [HomeController, SignInController],
      providers: [{ provide: SESSION_SETTINGS, useValue: settings }, SessionService, SignInService, OidcClient],
      exports: [SessionService],
    };
  }
}
