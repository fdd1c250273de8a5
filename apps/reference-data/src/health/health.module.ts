import { Module } from '@nestjs/common';
import { HealthController, READINESS_CHECKS } from '@scrt/http';
import { DATABASE, databaseReadinessCheck, type PrismaLike } from '@scrt/persistence';

@Module({
  controllers: [HealthController],
  providers: [{ provide: READINESS_CHECKS, useFactory: (db: PrismaLike) => [databaseReadinessCheck(db)], inject: [DATABASE] }],
})
export class HealthModule {}
