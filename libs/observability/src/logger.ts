import type { LoggerService } from '@nestjs/common';
import winston from 'winston';
import { currentRequestContext } from './correlation.js';

const stampServiceAndCorrelation = (service: string) =>
  winston.format((info) => {
    info.service = service;
    const context = currentRequestContext();
    if (context) Object.assign(info, context);
    return info;
  })();

/**
 * JSON lines on stdout, each with the service name and, inside a request or event, its
 * correlation and request ids. nest-winston is CommonJS requiring the ESM-only @nestjs/common: Node loads that
 * (require(esm)) but Jest's module runtime cannot, so it is imported only when a logger is made.
 */
export async function createLogger(service: string, level = 'info'): Promise<LoggerService> {
  const { WinstonModule } = await import('nest-winston');
  return WinstonModule.createLogger({
    level,
    format: winston.format.combine(stampServiceAndCorrelation(service), winston.format.timestamp(), winston.format.json()),
    transports: [new winston.transports.Console()],
  });
}
