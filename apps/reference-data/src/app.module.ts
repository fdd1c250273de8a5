import { Module, type DynamicModule } from '@nestjs/common';
import { InternalAuthModule } from '@scrt/auth';
import { serviceCoreModule } from '@scrt/persistence';
import { CalendarModule } from './calendar/calendar.module.js';
import { ReferenceDataEnv } from './config/reference-data.config.js';
import { createReferenceDataDatabase } from './database.js';
import { HealthModule } from './health/health.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PartnershipsModule } from './partnerships/partnerships.module.js';
import { TimescalesModule } from './timescales/timescales.module.js';

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
        CalendarModule,
        TimescalesModule,
        PartnershipsModule,
      ],
    };
  }
}
