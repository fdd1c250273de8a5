import { Global, Module, type DynamicModule } from '@nestjs/common';
import { InternalAuthModule } from '@scrt/auth';
import { provideDatabase } from '@scrt/persistence';
import { ReferenceDataEnv } from './config/reference-data.config.js';
import { createReferenceDataDatabase } from './database.js';
import { HealthModule } from './health/health.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';

@Global()
@Module({})
class CoreModule {
  static register(config: ReferenceDataEnv): DynamicModule {
    const providers = [{ provide: ReferenceDataEnv, useValue: config }, ...provideDatabase(() => createReferenceDataDatabase(config.DATABASE_URL))];
    return { module: CoreModule, providers, exports: providers };
  }
}

@Module({})
export class AppModule {
  static register(config: ReferenceDataEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.register(config), InternalAuthModule.forPublicKey(config.INTERNAL_JWT_PUBLIC_KEY), HealthModule, OrganisationsModule],
    };
  }
}
