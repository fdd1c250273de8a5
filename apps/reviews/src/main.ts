import { bootstrapService } from '@scrt/http';
import { connectConsumers } from '@scrt/messaging';
import { AppModule, SERVICE_NAME } from './app.module.js';
import { ReviewsEnv } from './config/reviews.config.js';

await bootstrapService({
  serviceName: SERVICE_NAME,
  configClass: ReviewsEnv,
  module: (config) => AppModule.register(config),
  apiPrefix: 'api/v1',
  configure: (app, config) => connectConsumers(app, { serviceName: SERVICE_NAME, brokers: config.KAFKA_BROKERS, logLevel: config.LOG_LEVEL }),
});
