import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { ReadinessCheck } from '@scrt/http';
import { briefErrorDescription, translateDatabaseErrors } from './database-errors.js';

/** Injection token of a service's own Prisma client. */
export const DATABASE = Symbol('DATABASE');

/** What every generated Prisma client offers that we rely on outside repositories. */
export interface PrismaLike {
  $disconnect(): Promise<void>;
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
}

export type PrismaClientClass<C> = new (options: { adapter: PrismaPg }) => C;

const schemaOfClient = new WeakMap<object, string>();

/** A service's client: the pg driver adapter (no native engine), queries in the service's schema. */
export function createPrismaClient<C extends object>(clientClass: PrismaClientClass<C>, databaseUrl: string, schema: string): C {
  translateDatabaseErrors();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // A client checked out of the pool has no error listener of the pool's between two queries (in
  // an interactive transaction): PostgreSQL going away then would crash the process with an
  // unhandled 'error'. The query in flight, or the next one, fails and is answered 503 instead.
  pool.on('connect', (connection) => connection.on('error', () => undefined));
  const client = new clientClass({ adapter: new PrismaPg(pool, { schema, disposeExternalPool: true }) });
  schemaOfClient.set(client, schema);
  return client;
}

/** The schema a client made by `createPrismaClient` works in (raw SQL must name it: it runs in `public`). */
export function schemaOf(client: object): string | undefined {
  return schemaOfClient.get(client);
}

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: PrismaLike) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.$disconnect();
  }
}

/** Providers for `DATABASE`, disconnected when the app shuts down. */
export function provideDatabase<C extends PrismaLike>(create: () => C): Provider[] {
  return [{ provide: DATABASE, useFactory: create }, DatabaseLifecycle];
}

export function databaseReadinessCheck(database: PrismaLike): ReadinessCheck {
  return {
    name: 'database',
    check: async () => {
      await database.$queryRawUnsafe('SELECT 1').catch((error: unknown) => {
        throw new Error(briefErrorDescription(error));
      });
    },
  };
}
