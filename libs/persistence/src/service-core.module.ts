import type { DynamicModule, Type } from '@nestjs/common';
import { DATABASE, provideDatabase, type PrismaLike } from './database.js';

/** Global providers of a service with a database: its validated configuration and its client. */
export function serviceCoreModule<C extends object>(configClass: Type<C>, config: C, createDatabase: () => PrismaLike): DynamicModule {
  return {
    module: class ServiceCoreModule {},
    global: true,
    providers: [{ provide: configClass, useValue: config }, ...provideDatabase(createDatabase)],
    exports: [configClass, DATABASE],
  };
}
