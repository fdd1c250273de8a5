import { Module, type DynamicModule } from '@nestjs/common';
import type { TransactionalSqlClient } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import type { ReferenceCopyOptions } from '../reference-copy.module.js';
import { OrganisationHierarchyCopy } from './organisation-hierarchy-copy.js';
import { OrganisationHierarchyCopyEvents } from './organisation-hierarchy-copy.events.js';

/**
 * A service's local copy of the organisation hierarchy: its event handler (connected with
 * `connectConsumers`) and `OrganisationHierarchyCopy` to query. The service's schema needs the
 * `inbox_event` and `reference_organisation` tables.
 */
@Module({})
export class HierarchyCopyModule {
  static forService(options: ReferenceCopyOptions): DynamicModule {
    return {
      module: HierarchyCopyModule,
      global: true,
      controllers: [OrganisationHierarchyCopyEvents],
      providers: [
        {
          provide: OrganisationHierarchyCopy,
          inject: [DATABASE],
          useFactory: (db: TransactionalSqlClient) => new OrganisationHierarchyCopy(db, options.schema, `${options.serviceName}.hierarchy-copy`),
        },
      ],
      exports: [OrganisationHierarchyCopy],
    };
  }
}
