import { Module, type DynamicModule } from '@nestjs/common';
import { InternalAuthModule } from '@scrt/auth';
import { MessagingModule } from '@scrt/messaging';
import { DATABASE, serviceCoreModule } from '@scrt/persistence';
import { DeadlineCopyModule, HierarchyCopyModule, ReferenceCopyModule } from '@scrt/reference-copy';
import { CaseCopyModule } from './case-copy/case-copy.module.js';
import { ReviewsEnv } from './config/reviews.config.js';
import { createReviewsDatabase, REVIEWS_SCHEMA } from './database.js';
import { HealthModule } from './health/health.module.js';
import { LearningModule } from './learning/learning.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { UnknownRouteModule } from './unknown-route/unknown-route.module.js';

export const SERVICE_NAME = 'reviews';

/** Reviews, their stages and deadlines, and the learning they produce (issue 10). */
@Module({})
export class AppModule {
  static register(config: ReviewsEnv): DynamicModule {
    const copies = { schema: REVIEWS_SCHEMA, serviceName: SERVICE_NAME };
    return {
      module: AppModule,
      imports: [
        serviceCoreModule(ReviewsEnv, config, () => createReviewsDatabase(config.DATABASE_URL)),
        InternalAuthModule.forPublicKey(config.INTERNAL_JWT_PUBLIC_KEY),
        MessagingModule.forProducer({
          serviceName: SERVICE_NAME,
          schema: REVIEWS_SCHEMA,
          brokers: config.KAFKA_BROKERS,
          relayEnabled: config.OUTBOX_RELAY_ENABLED,
          database: DATABASE,
          databaseUrl: config.DATABASE_URL,
        }),
        // local copies, fed by events through the inbox: code lists, hierarchy, timescales and calendar, cases
        MessagingModule.forConsumer({ schema: REVIEWS_SCHEMA }),
        ReferenceCopyModule.forService(copies),
        HierarchyCopyModule.forService(copies),
        DeadlineCopyModule.forService(copies),
        CaseCopyModule,
        HealthModule,
        ReviewsModule,
        LearningModule,
        UnknownRouteModule,
      ],
    };
  }
}
