import { Logger } from '@nestjs/common';
import type { EventContract, EventEnvelope } from '@scrt/contracts';
import { CORRELATION_HEADER, acceptOrCreateCorrelationId, runWithCorrelationId } from '@scrt/observability';
import type { Message } from 'kafkajs';
import { briefErrorDescription } from '@scrt/persistence';
import { describeError } from '../describe-error.js';
import { deadLetterMessage } from './dead-letter.js';
import { decodeEvent } from './decode-event.js';
import { DeadLetterPublishError } from './event-errors.js';
import { eventDeliveryOf, type Delivery, type EventDelivery } from './delivery.js';
import { attemptWithRetries, type Attempted, type RetryPolicy } from './retry-policy.js';

/** One `@ConsumeEvent` handler with its contract and retry policy. */
export interface EventRoute<P extends object> {
  contract: EventContract<P>;
  retry: RetryPolicy;
  handle(envelope: EventEnvelope<P>, delivery: EventDelivery): Promise<void>;
}

/** What the transport provides for one delivery. */
export interface DeliveryRuntime {
  deadLetterTopic: string;
  /** Publishes to the dead-letter topic and resolves once the broker has acknowledged. */
  sendToDeadLetter(message: Message): Promise<void>;
  /** Tells the group coordinator the consumer is alive while a handler is being retried. */
  heartbeat(): Promise<void>;
  /** A dependency is down: hold this partition (no further fetches) and say so in the health. */
  pausePartition?(error: unknown): Promise<void> | void;
  resumePartition?(): Promise<void> | void;
  /** Called once a message is on the dead-letter topic. */
  deadLettered?(): void;
  /** Aborted when the consumer stops: waiting for a dependency ends without committing. */
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}

/** Either way the offset may be committed. */
export type DeliveryOutcome = 'handled' | 'dead-lettered';

const logger = new Logger('EventConsumer');

function headerText(value: Buffer | string | (Buffer | string)[] | undefined): string | undefined {
  return Array.isArray(value) ? headerText(value[0]) : value?.toString();
}

function where(delivery: Delivery) {
  return { topic: delivery.topic, partition: delivery.partition, offset: delivery.message.offset };
}

function decode<P extends object>(contract: EventContract<P>, delivery: Delivery): { ok: true; envelope: EventEnvelope<P> } | { ok: false; error: unknown } {
  try {
    return { ok: true, envelope: decodeEvent(contract, delivery.message.value) };
  } catch (error) {
    return { ok: false, error };
  }
}

async function handleWithRetries<P extends object>(envelope: EventEnvelope<P>, route: EventRoute<P>, delivery: Delivery, runtime: DeliveryRuntime): Promise<Attempted> {
  return attemptWithRetries(() => route.handle(envelope, eventDeliveryOf(delivery)), route.retry, {
    beforeRetry: async (error, failedAttempt, delayMs) => {
      logger.warn({ message: 'event handler failed; retrying', ...where(delivery), failedAttempt, retryInMs: delayMs, error: briefErrorDescription(error) });
      await runtime.heartbeat();
    },
    onWaiting: async (error) => {
      logger.warn({ message: 'a dependency is down; partition paused, offset kept, waiting for it', ...where(delivery), error: briefErrorDescription(error) });
      await runtime.pausePartition?.(error);
    },
    onWaitOver: async () => {
      logger.log({ message: 'partition resumed', ...where(delivery) });
      await runtime.resumePartition?.();
    },
    sleep: runtime.sleep,
    signal: runtime.signal,
  });
}

async function deadLetter(delivery: Delivery, error: unknown, runtime: DeliveryRuntime): Promise<void> {
  try {
    await runtime.sendToDeadLetter(deadLetterMessage(delivery, error, new Date()));
  } catch (sendError) {
    logger.error({ message: 'could not dead-letter an event; it will be redelivered', ...where(delivery), error: describeError(sendError) });
    throw new DeadLetterPublishError(runtime.deadLetterTopic, sendError);
  }
  runtime.deadLettered?.();
  logger.error({ message: 'event dead-lettered', ...where(delivery), deadLetterTopic: runtime.deadLetterTopic, error: briefErrorDescription(error) });
}

/**
 * Decodes and validates a delivery and runs its handler, in the event's correlation id, with
 * retries; a message that is invalid, breaks a rule or keeps failing for an unknown reason is
 * dead-lettered; one that fails because a dependency is down waits for it, however long. Resolves once the message
 * may be committed; rejects (so the offset stays put) only when dead-lettering failed.
 */
export async function deliverEvent<P extends object>(delivery: Delivery, route: EventRoute<P>, runtime: DeliveryRuntime): Promise<DeliveryOutcome> {
  const decoded = decode(route.contract, delivery);
  const correlationId = decoded.ok
    ? decoded.envelope.correlationId
    : acceptOrCreateCorrelationId(headerText(delivery.message.headers?.[CORRELATION_HEADER]));
  return runWithCorrelationId(correlationId, async () => {
    const result = decoded.ok ? await handleWithRetries(decoded.envelope, route, delivery, runtime) : decoded;
    if (result.ok) return 'handled';
    await deadLetter(delivery, result.error, runtime);
    return 'dead-lettered';
  });
}
