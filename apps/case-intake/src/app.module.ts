import { Module, type DynamicModule } from '@nestjs/common';
import { InternalAuthModule } from '@scrt/auth';
import { MessagingModule } from '@scrt/messaging';
import { DATABASE, serviceCoreModule } from '@scrt/persistence';
import { HierarchyCopyModule, PartnershipCopyModule, ReferenceCopyModule } from '@scrt/reference-copy';
import { CaseScopeModule } from './case-scope/case-scope.module.js';
import { CaseSearchModule } from './case-search/case-search.module.js';
import { CaseViewsModule } from './case-views/case-views.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CaseIntakeEnv } from './config/case-intake.config.js';
import { createIntakeDatabase, INTAKE_SCHEMA } from './database.js';
import { HealthModule } from './health/health.module.js';

export const SERVICE_NAME = 'case-intake';

@Module({})
export class AppModule {
  static register(config: CaseIntakeEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        serviceCoreModule(CaseIntakeEnv, config, () => createIntakeDatabase(config.DATABASE_URL)),
        InternalAuthModule.forPublicKey(config.INTERNAL_JWT_PUBLIC_KEY),
        MessagingModule.forProducer({
          serviceName: SERVICE_NAME,
          schema: INTAKE_SCHEMA,
          brokers: config.KAFKA_BROKERS,
          relayEnabled: config.OUTBOX_RELAY_ENABLED,
          database: DATABASE,
          databaseUrl: config.DATABASE_URL,
        }),
        // the local copy of reference data (code lists), fed by its events through the inbox
        MessagingModule.forConsumer({ schema: INTAKE_SCHEMA }),
        ReferenceCopyModule.forService({ schema: INTAKE_SCHEMA, serviceName: SERVICE_NAME }),
        // the hierarchy (sub-ICB locations of the caller's ICB) and the partnerships, the same way
        HierarchyCopyModule.forService({ schema: INTAKE_SCHEMA, serviceName: SERVICE_NAME }),
        PartnershipCopyModule.forService({ schema: INTAKE_SCHEMA, serviceName: SERVICE_NAME }),
        CaseScopeModule,
        HealthModule,
        CaseSearchModule,
        CaseViewsModule,
        CasesModule,
      ],
    };
  }
}
