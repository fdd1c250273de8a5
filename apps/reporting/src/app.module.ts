import { Module, type DynamicModule } from '@nestjs/common';
import { InternalAuthModule } from '@scrt/auth';
import { MessagingModule } from '@scrt/messaging';
import { serviceCoreModule } from '@scrt/persistence';
import { HierarchyCopyModule } from '@scrt/reference-copy';
import { ReportingEnv } from './config/reporting.config.js';
import { createReportingDatabase, REPORTING_SCHEMA } from './database.js';
import { HealthModule } from './health/health.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SummariesModule } from './summaries/summaries.module.js';
import { WarehouseModule } from './warehouse/warehouse.module.js';

export const SERVICE_NAME = 'reporting';

@Module({})
export class AppModule {
  static register(config: ReportingEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        serviceCoreModule(ReportingEnv, config, () => createReportingDatabase(config.DATABASE_URL)),
        InternalAuthModule.forPublicKey(config.INTERNAL_JWT_PUBLIC_KEY),
        MessagingModule.forConsumer({ schema: REPORTING_SCHEMA }),
        // the hierarchy in force, to roll records up and scope the reports
        HierarchyCopyModule.forService({ schema: REPORTING_SCHEMA, serviceName: SERVICE_NAME }),
        HealthModule,
        WarehouseModule,
        ReportsModule,
        SummariesModule,
      ],
    };
  }
}
