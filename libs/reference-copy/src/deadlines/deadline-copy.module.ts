import { Module, type DynamicModule } from '@nestjs/common';
import type { TransactionalSqlClient } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import type { ReferenceCopyOptions } from '../reference-copy.module.js';
import { CalendarCopy } from './calendar-copy.js';
import { DeadlineCopyEvents } from './deadline-copy.events.js';
import { TimescaleCopy } from './timescale-copy.js';

/**
 * A service's local copy of what deadlines are computed from: the timescale versions and the
 * bank-holiday calendar. The service's schema needs `inbox_event`, `reference_timescale_version`
 * and `reference_bank_holidays`.
 */
@Module({})
export class DeadlineCopyModule {
  static forService(options: ReferenceCopyOptions): DynamicModule {
    return {
      module: DeadlineCopyModule,
      global: true,
      controllers: [DeadlineCopyEvents],
      providers: [
        { provide: TimescaleCopy, inject: [DATABASE], useFactory: (db: TransactionalSqlClient) => new TimescaleCopy(db, options.schema, `${options.serviceName}.timescale-copy`) },
        { provide: CalendarCopy, inject: [DATABASE], useFactory: (db: TransactionalSqlClient) => new CalendarCopy(db, options.schema, `${options.serviceName}.calendar-copy`) },
      ],
      exports: [TimescaleCopy, CalendarCopy],
    };
  }
}
