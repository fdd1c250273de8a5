import { describe, expect, it, jest } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { kafkaClientConfig, kafkaLogCreator, kafkaTransportOptions, parseBrokers, reliableProducerConfig } from './kafka-config.js';

describe('kafka config', () => {
  it('reads a comma-separated broker list', () => {
    expect(parseBrokers(' a:9092, b:9093 ,')).toEqual(['a:9092', 'b:9093']);
    expect(() => parseBrokers(' , ')).toThrow(/No Kafka broker/);
  });

  it('names the client after the service and maps the log level', () => {
    const config = kafkaClientConfig({ serviceName: 'reporting', brokers: 'k:9092', logLevel: 'warn' });
    expect(config).toMatchObject({ clientId: 'reporting', brokers: ['k:9092'], logLevel: logLevel.WARN });
  });

  it('gives Nest the service name as client id and group, without postfix or topic auto-creation', () => {
    const options = kafkaTransportOptions({ serviceName: 'reporting', brokers: 'k:9092' });
    expect(options.postfixId).toBe('');
    expect(options.client?.clientId).toBe('reporting');
    expect(options.consumer).toMatchObject({ groupId: 'reporting', allowAutoTopicCreation: false });
    expect(options.producer).toMatchObject({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  });

  it('lets a consumer that was killed be replaced within seconds and ride out a broker restart', () => {
    const { consumer } = kafkaTransportOptions({ serviceName: 'reporting', brokers: 'k:9092' });
    expect(consumer?.sessionTimeout).toBeLessThanOrEqual(6_000);
    expect(consumer?.heartbeatInterval).toBeLessThan((consumer?.sessionTimeout ?? 0) / 3);
    expect(consumer?.retry?.retries).toBeGreaterThanOrEqual(20);
  });

  it('makes an idempotent producer whose retries are bounded', () => {
    expect(reliableProducerConfig().retry?.retries).toBeGreaterThan(0);
  });

  it('writes kafkajs entries through our logger as structured objects', () => {
    const logger = { log: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() } satisfies LoggerService;
    const write = kafkaLogCreator(logger)(logLevel.INFO);
    const log = { timestamp: 't', logger: 'kafkajs', message: 'Crash', groupId: 'reporting' };
    write({ namespace: 'Consumer', level: logLevel.ERROR, label: 'ERROR', log });
    write({ namespace: 'Producer', level: logLevel.WARN, label: 'WARN', log: { ...log, message: 'slow' } });
    write({ namespace: 'Runner', level: logLevel.INFO, label: 'INFO', log: { ...log, message: 'joined' } });
    expect(logger.error).toHaveBeenCalledWith({ message: 'Crash', kafkaNamespace: 'Consumer', groupId: 'reporting' });
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ message: 'slow' }));
    expect(logger.log).toHaveBeenCalledWith(expect.objectContaining({ message: 'joined', kafkaNamespace: 'Runner' }));
  });
});
