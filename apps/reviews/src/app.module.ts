import { Module, type DynamicModule } from '@nestjs/common';
import { InternalAuthModule } from '@scrt/auth';
import { serviceCoreModule } from '@scrt/persistence';
import { ReviewsEnv } from './config/reviews.config.js';
import { createReviewsDatabase } from './database.js';
import { HealthModule } from './health/health.module.js';
import { UnknownRouteModule } from './unknown-route/unknown-route.module.js';

/** Reviews and lessons: the service, its schema and its security are in place; the domain comes next. */
@Module({})
export class AppModule {
  static register(config: ReviewsEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        serviceCoreModule(ReviewsEnv, config, () => createReviewsDatabase(config.DATABASE_URL)),
        InternalAuthModule.forPublicKey(config.INTERNAL_JWT_PUBLIC_KEY),
        HealthModule,
        UnknownRouteModule,
      ],
    };
  }
}
