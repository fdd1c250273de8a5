import { Module } from '@nestjs/common';
import { CaseCopyEvents } from './case-copy.events.js';
import { CaseCopyRepository } from './case-copy.repository.js';

@Module({ controllers: [CaseCopyEvents], providers: [CaseCopyRepository], exports: [CaseCopyRepository] })
export class CaseCopyModule {}
