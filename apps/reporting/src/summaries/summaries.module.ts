import { Module } from '@nestjs/common';
import { SummaryRefresher } from './summary-refresher.js';

@Module({ providers: [SummaryRefresher] })
export class SummariesModule {}
