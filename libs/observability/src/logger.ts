import { WinstonModule } from 'nest-winston';
import winston from 'winston';
import type { LoggerService } from '@nestjs/common';
import { currentCorrelationId } from './correlation.js';

const stampServiceAndCorrelation = (service: string) =>
  winston.format((info) => {
    info.service = service;
    const correlationId = currentCorrelationId();
    if (correlationId) info.correlationId = correlationId;
    return info;
  })();

/** JSON lines on stdout, each with the service name and, inside a request or event, its correlation id. */
export function createLogger(service: string, level = 'info'): LoggerService {
  return WinstonModule.createLogger({
    level,
    format: winston.format.combine(stampServiceAndCorrelation(service), winston.format.timestamp(), winston.format.json()),
    transports: [new winston.transports.Console()],
  });
}
