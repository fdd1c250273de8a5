import { createHealthModule } from '@scrt/http';
import { DATABASE, databaseReadinessCheck, type PrismaLike } from './database.js';

/** Health of a service whose only dependency is its database. */
export const databaseHealthModule = () => createHealthModule({ inject: [DATABASE], checks: (db: PrismaLike) => [databaseReadinessCheck(db)] });
