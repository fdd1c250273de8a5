import { Module, type DynamicModule } from '@nestjs/common';
import { InternalAuthModule } from '@scrt/auth';
import { MessagingModule } from '@scrt/messaging';
import { DATABASE, serviceCoreModule } from '@scrt/persistence';
// code lists (issue 8 §1, §4)
import { CodeListsModule } from './code-lists/code-lists.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ReferenceDataEnv } from './config/reference-data.config.js';
import { createReferenceDataDatabase, REFDATA_SCHEMA } from './database.js';
import { HealthModule } from './health/health.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PartnershipsModule } from './partnerships/partnerships.module.js';
import { TimescalesModule } from './timescales/timescales.module.js';

export const SERVICE_NAME = 'reference-data';

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
        // code lists (issue 8 §1, §4): published versions leave through the outbox
        MessagingModule.forProducer({ serviceName: SERVICE_NAME, schema: REFDATA_SCHEMA, brokers: config.KAFKA_BROKERS, database: DATABASE }),
        CodeListsModule,
      ],
    };
  }
}
