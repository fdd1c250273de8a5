import { resolve } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { HealthController } from '@scrt/http';
import { AccountDirectory } from './accounts/account-directory.js';
import { loadDemoAccounts } from './accounts/demo-accounts.js';
import { RoleSelections } from './accounts/role-selections.js';
import { DevIdentityEnv } from './config/dev-identity.config.js';
import { readinessChecks } from './health/health.providers.js';
import { KeyRotationController } from './keys/key-rotation.controller.js';
import { SigningKeyStore } from './keys/signing-keys.js';
import { OidcProviderHost } from './provider/oidc-provider.host.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { SignInInteraction } from './sign-in/sign-in.interaction.js';
import { UserinfoController } from './userinfo/userinfo.controller.js';
import { UserinfoService } from './userinfo/userinfo.service.js';

@Module({})
export class AppModule {
  static register(config: DevIdentityEnv): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, SignInController, UserinfoController, KeyRotationController],
      providers: [
        { provide: DevIdentityEnv, useValue: config },
        { provide: AccountDirectory, useFactory: async () => new AccountDirectory(await loadDemoAccounts(resolve(config.DEV_IDENTITY_ACCOUNTS_FILE))) },
        { provide: SigningKeyStore, useValue: new SigningKeyStore(resolve(config.DEV_IDENTITY_DATA_DIR)) },
        RoleSelections,
        OidcProviderHost,
        SignInInteraction,
        UserinfoService,
        readinessChecks,
      ],
    };
  }
}
