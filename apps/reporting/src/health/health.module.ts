import { databaseHealthModule } from '@scrt/persistence';

export const HealthModule = databaseHealthModule();
