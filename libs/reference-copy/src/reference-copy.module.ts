import { Module, type DynamicModule } from '@nestjs/common';
import type { TransactionalSqlClient } from '@scrt/messaging';
import { DATABASE } from '@scrt/persistence';
import { CodeListCopy } from './code-list-copy.js';
import { CodeListCopyEvents } from './code-list-copy.events.js';

export interface ReferenceCopyOptions {
  /** The consuming service's schema: holds its inbox and the copy tables. */
  schema: string;
  /** The service name: the inbox's consumer name of the copy is `<serviceName>.reference-copy`. */
  serviceName: string;
}

/**
 * A service's local copy of reference data: connects the event handlers (with `connectConsumers`)
 * and provides the copy to query (`CodeListCopy`) to every module of the service (global).
 */
@Module({})
export class ReferenceCopyModule {
  static forService(options: ReferenceCopyOptions): DynamicModule {
    return {
      module: ReferenceCopyModule,
      global: true,
      controllers: [CodeListCopyEvents],
      providers: [
        {
          provide: CodeListCopy,
          inject: [DATABASE],
          useFactory: (db: TransactionalSqlClient) => new CodeListCopy(db, options.schema, `${options.serviceName}.reference-copy`),
        },
      ],
      exports: [CodeListCopy],
    };
  }
}
