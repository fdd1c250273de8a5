import { Module, type DynamicModule } from '@nestjs/common';
import { InternalAuthModule } from '@scrt/auth';
import { serviceCoreModule } from '@scrt/persistence';
import { ReferenceDataEnv } from './config/reference-data.config.js';
import { createReferenceDataDatabase } from './database.js';
import { HealthModule } from './health/health.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';

@Module({})
export class AppModule {
  static register(config: ReferenceDataEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        serviceCoreModule(ReferenceDataEnv, config, () => createReferenceDataDatabase(config.DATABASE_URL)),
        InternalAuthModule.forPublicKey(config.INTERNAL_JWT_PUBLIC_KEY),
        HealthModule,
        OrganisationsModule,
      ],
    };
  }
}
