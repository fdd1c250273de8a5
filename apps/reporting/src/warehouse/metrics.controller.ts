import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@scrt/http';
import { FreshnessMeter } from './freshness-meter.js';

/** Prometheus metrics of the service's own port (the gateway routes only `/api/v1`): no case data. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly freshness: FreshnessMeter) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): string {
    return this.freshness.prometheusText();
  }
}
