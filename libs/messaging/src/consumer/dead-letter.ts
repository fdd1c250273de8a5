import type { Message } from 'kafkajs';
import { describeError } from '../describe-error.js';
import type { Delivery } from './delivery.js';

/** Headers a dead letter carries on top of the original message's. */
export const DeadLetterHeaders = {
  error: 'x-dlq-error',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  failedAt: 'x-dlq-failed-at',
} as const;

const MAX_ERROR_LENGTH = 2_000;

/** The dead-letter copy of a delivery: its value, key and headers untouched, plus why and where it failed. */
export function deadLetterMessage(delivery: Delivery, error: unknown, failedAt: Date): Message {
  const { key, value, headers } = delivery.message;
  return {
    key,
    value,
    headers: {
      ...headers,
      [DeadLetterHeaders.error]: describeError(error).slice(0, MAX_ERROR_LENGTH),
      [DeadLetterHeaders.originalTopic]: delivery.topic,
      [DeadLetterHeaders.originalPartition]: String(delivery.partition),
      [DeadLetterHeaders.originalOffset]: delivery.message.offset,
      [DeadLetterHeaders.failedAt]: failedAt.toISOString(),
    },
  };
}
