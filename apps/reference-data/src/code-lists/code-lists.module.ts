import { Module } from '@nestjs/common';
import { CodeListsController } from './code-lists.controller.js';
import { CodeListsRepository } from './code-lists.repository.js';
import { CodeListsService } from './code-lists.service.js';

@Module({
  controllers: [CodeListsController],
  providers: [CodeListsService, CodeListsRepository],
})
export class CodeListsModule {}
