import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { AuditTrail } from './audit-trail.js';
import { DATABASE, provideDatabase, schemaOf, type PrismaLike } from './database.js';

/** The audit trail in the database's own schema; absent for a client not made by `createPrismaClient`. */
const auditTrailProvider: Provider = {
  provide: AuditTrail,
  inject: [DATABASE],
  useFactory: (database: PrismaLike) => {
    const schema = schemaOf(database);
    return schema ? new AuditTrail(schema) : null;
  },
};

/** Global providers of a service with a database: its validated configuration, its client and its audit trail. */
export function serviceCoreModule<C extends object>(configClass: Type<C>, config: C, createDatabase: () => PrismaLike): DynamicModule {
  return {
    module: class ServiceCoreModule {},
    global: true,
    providers: [{ provide: configClass, useValue: config }, ...provideDatabase(createDatabase), auditTrailProvider],
    exports: [configClass, DATABASE, AuditTrail],
  };
}
