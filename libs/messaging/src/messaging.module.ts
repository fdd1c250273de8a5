import { Module, type DynamicModule, type InjectionToken, type ModuleMetadata } from '@nestjs/common';
import { ConsumerStatus } from './consumer/consumer-status.js';
import { Inbox } from './inbox/inbox.js';
import { createReliableProducer, type KafkaSettings } from './kafka-config.js';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay.js';
import { OutboxWriter } from './outbox/outbox-writer.js';
import type { TransactionalSqlClient } from './sql-client.js';

export interface ProducerModuleOptions extends KafkaSettings {
  /** The service's database schema, which holds `outbox_event`. */
  schema: string;
  /** Injection token of the service's Prisma client (`DATABASE` of `@scrt/persistence`). */
  database: InjectionToken;
  /** Modules that export `database`, unless it is provided by a global module. */
  imports?: ModuleMetadata['imports'];
  /** `OUTBOX_RELAY_ENABLED` (default true). */
  relayEnabled?: boolean;
  /** Tuning of the relay (poll interval, batch size, backoff). */
  relay?: Omit<OutboxRelayOptions, 'schema' | 'enabled' | 'listenConnectionString'>;
  /** The database URL: the relay LISTENs on its own connection to publish as soon as a write commits. */
  databaseUrl?: string;
}

export interface ConsumerModuleOptions {
  /** The service's database schema, which holds `inbox_event`. */
  schema: string;
}

/** Messaging for a service's modules; global, so that any feature module can inject what it provides. */
@Module({})
export class MessagingModule {
  /** `OutboxWriter` for repositories and the `OutboxRelay` (started on bootstrap, stopped on shutdown). */
  static forProducer(options: ProducerModuleOptions): DynamicModule {
    const { schema, serviceName, relayEnabled = true, relay } = options;
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: OutboxWriter, useValue: new OutboxWriter({ serviceName, schema }) },
        {
          provide: OutboxRelay,
          inject: [options.database],
          useFactory: (database: TransactionalSqlClient) =>
            new OutboxRelay(database, () => createReliableProducer(options), { ...relay, schema, enabled: relayEnabled, listenConnectionString: options.databaseUrl }),
        },
      ],
      exports: [OutboxWriter, OutboxRelay],
    };
  }

  /** The `Inbox` of a consuming service; its handlers are connected with `connectConsumers`. */
  static forConsumer(options: ConsumerModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: Inbox, useValue: new Inbox(options.schema) },
        { provide: ConsumerStatus, useValue: new ConsumerStatus() },
      ],
      exports: [Inbox, ConsumerStatus],
    };
  }
}
