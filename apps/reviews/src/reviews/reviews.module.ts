import { Module } from '@nestjs/common';
import { CaseCopyModule } from '../case-copy/case-copy.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { ReviewAccess } from './review-access.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsRepository } from './reviews.repository.js';
import { ReviewsService } from './reviews.service.js';

@Module({
  imports: [CaseCopyModule, DeadlinesModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewsRepository, ReviewAccess],
  exports: [ReviewsService, ReviewsRepository, ReviewAccess],
})
export class ReviewsModule {}
