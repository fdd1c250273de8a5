import { bootstrapService } from '@scrt/http';
import { AppModule } from './app.module.js';
import { ReviewsEnv } from './config/reviews.config.js';

await bootstrapService({
  serviceName: 'reviews',
  configClass: ReviewsEnv,
  module: (config) => AppModule.register(config),
  apiPrefix: 'api/v1',
});
