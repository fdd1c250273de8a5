import { Module, type DynamicModule } from '@nestjs/common';
import type { TransactionalSqlClient } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import type { ReferenceCopyOptions } from '../reference-copy.module.js';
import { PartnershipCopy } from './partnership-copy.js';
import { PartnershipCopyEvents } from './partnership-copy.events.js';

/**
 * A service's local copy of the safeguarding partnerships: its event handler (connected with
 * `connectConsumers`) and `PartnershipCopy` to query. The service's schema needs the
 * `inbox_event` and `reference_partnership` tables.
 */
@Module({})
export class PartnershipCopyModule {
  static forService(options: ReferenceCopyOptions): DynamicModule {
    return {
      module: PartnershipCopyModule,
      global: true,
      controllers: [PartnershipCopyEvents],
      providers: [
        {
          provide: PartnershipCopy,
          inject: [DATABASE],
          useFactory: (db: TransactionalSqlClient) => new PartnershipCopy(db, options.schema, `${options.serviceName}.partnership-copy`),
        },
      ],
      exports: [PartnershipCopy],
    };
  }
}
