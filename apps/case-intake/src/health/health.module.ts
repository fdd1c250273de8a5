import { createHealthModule } from '@scrt/http';
import { OutboxRelay } from '@scrt/messaging';
import { DATABASE, databaseReadinessCheck, type PrismaLike } from '@scrt/persistence';

export const HealthModule = createHealthModule({
  inject: [DATABASE, OutboxRelay],
  checks: (db: PrismaLike, relay: OutboxRelay) => [databaseReadinessCheck(db), relay.readinessCheck()],
});
