import { createHealthModule } from '@scrt/http';
import { ConsumerStatus } from '@scrt/messaging';
import { DATABASE, databaseReadinessCheck, type PrismaLike } from '@scrt/persistence';

/** Ready when the database answers and the consumer consumes (not crashed, not waiting for a dependency). */
export const HealthModule = createHealthModule({
  inject: [DATABASE, ConsumerStatus],
  checks: (db: PrismaLike, consumer: ConsumerStatus) => [databaseReadinessCheck(db), consumer.readinessCheck()],
});
