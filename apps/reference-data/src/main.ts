import { bootstrapService } from '@scrt/http';
import { AppModule } from './app.module.js';
import { ReferenceDataEnv } from './config/reference-data.config.js';

await bootstrapService({
  serviceName: 'reference-data',
  configClass: ReferenceDataEnv,
  module: (config) => AppModule.register(config),
  apiPrefix: 'api/v1',
});
