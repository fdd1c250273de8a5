import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { ReviewsModule } from '../reviews/reviews.module.js';
import { LearningController } from './learning.controller.js';
import { LearningRepository } from './learning.repository.js';
import { LearningService } from './learning.service.js';

@Module({
  imports: [ReviewsModule, DeadlinesModule],
  controllers: [LearningController],
  providers: [LearningService, LearningRepository],
})
export class LearningModule {}
