import { Logger, type LoggerService } from '@nestjs/common';
import type { KafkaOptions } from '@nestjs/microservices';
import { Kafka, Partitioners, logLevel as KafkaLogLevel, type KafkaConfig, type LogEntry, type Producer, type ProducerConfig, type logCreator } from 'kafkajs';

/** Our log levels (`LOG_LEVEL`), mapped onto kafkajs's. */
export type MessagingLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** What every Kafka client of a service is built from. */
export interface KafkaSettings {
  /** The service name: kafkajs client id and consumer group. */
  serviceName: string;
  /** Comma-separated `host:port` list (`KAFKA_BROKERS`). */
  brokers: string;
  /** The most detailed kafkajs level to log (default `info`). */
  logLevel?: MessagingLogLevel;
}

/** The `options` of Nest's Kafka transport. */
export type KafkaTransportOptions = NonNullable<KafkaOptions['options']>;

/** Acknowledgement by all in-sync replicas: required by the idempotent producer. */
export const ACKS_ALL = -1;

const KAFKA_LEVELS: Record<MessagingLogLevel, KafkaLogLevel> = {
  error: KafkaLogLevel.ERROR,
  warn: KafkaLogLevel.WARN,
  info: KafkaLogLevel.INFO,
  debug: KafkaLogLevel.DEBUG,
};

/** `"a:9092, b:9092"` → `['a:9092', 'b:9092']`. */
export function parseBrokers(brokers: string): string[] {
  const list = brokers
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (list.length === 0) throw new Error('No Kafka broker given');
  return list;
}

/** Sends kafkajs log entries to our (winston) logger as structured JSON. */
export function kafkaLogCreator(logger: LoggerService): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _source, ...details } = log;
      const entry = { message, kafkaNamespace: namespace, ...details };
      if (level <= KafkaLogLevel.ERROR) logger.error(entry);
      else if (level === KafkaLogLevel.WARN) logger.warn(entry);
      else if (level === KafkaLogLevel.INFO) logger.log(entry);
      else logger.debug?.(entry);
    };
}

/** The kafkajs client configuration every producer, consumer and admin of a service uses. */
export function kafkaClientConfig(settings: KafkaSettings, logger: LoggerService = new Logger('Kafka')): KafkaConfig {
  return {
    clientId: settings.serviceName,
    brokers: parseBrokers(settings.brokers),
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 5 },
    logLevel: KAFKA_LEVELS[settings.logLevel ?? 'info'],
    logCreator: kafkaLogCreator(logger),
  };
}

/** An idempotent producer (send with `acks: ACKS_ALL`, one request in flight, no topic auto-creation). */
export function reliableProducerConfig(): ProducerConfig {
  return {
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    // Bounded, unlike the idempotent default of retrying for ever: a send must fail within seconds
    // so that the caller can roll back and back off. Outbox and inbox make delivery at-least-once.
    retry: { initialRetryTime: 300, maxRetryTime: 5_000, retries: 5 },
  };
}

/** A new (unconnected) producer with `reliableProducerConfig()`. */
export function createReliableProducer(settings: KafkaSettings): Producer {
  return new Kafka(kafkaClientConfig(settings)).producer(reliableProducerConfig());
}

/** Options of Nest's Kafka transport: client id and group are exactly the service name. */
export function kafkaTransportOptions(settings: KafkaSettings): KafkaTransportOptions {
  return {
    postfixId: '',
    client: kafkaClientConfig(settings),
    consumer: {
      groupId: settings.serviceName,
      allowAutoTopicCreation: false,
      // A member killed without leaving the group holds its partitions for one session: keep it short
      // (the broker's minimum), so a restarted service consumes again within seconds.
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
      rebalanceTimeout: 10_000,
      // Long enough to ride out a broker restart; a consumer that still gives up is restarted.
      retry: { initialRetryTime: 300, maxRetryTime: 3_000, retries: 20 },
    },
    // A new consumer group starts from the beginning: the warehouse can be rebuilt by replay.
    subscribe: { fromBeginning: true },
    // A message being retried (or waiting for its dead-letter topic) holds up its own partition only.
    run: { partitionsConsumedConcurrently: 3 },
    producer: reliableProducerConfig(),
  };
}
