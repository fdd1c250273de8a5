import { bootstrapService } from '@scrt/http';
import { AppModule, SERVICE_NAME } from './app.module.js';
import { CaseIntakeEnv } from './config/case-intake.config.js';

await bootstrapService({
  serviceName: SERVICE_NAME,
  configClass: CaseIntakeEnv,
  module: (config) => AppModule.register(config),
  apiPrefix: 'api/v1',
});
