import { createHealthModule } from '@scrt/http';
import { DATABASE, databaseReadinessCheck, type PrismaLike } from '@scrt/persistence';

export const HealthModule = createHealthModule({ inject: [DATABASE], checks: (db: PrismaLike) => [databaseReadinessCheck(db)] });
