import { describe, expect, it } from '@jest/globals';
import type { KafkaMessage } from 'kafkajs';
import { deadLetterMessage } from './dead-letter.js';
import { NonRetriableEventError } from './event-errors.js';

const message: KafkaMessage = {
  key: Buffer.from('case-1'),
  value: Buffer.from('{"not":"an event"}'),
  headers: { 'x-correlation-id': Buffer.from('corr-12345'), binary: Buffer.from([0, 1, 2]) },
  offset: '42',
  timestamp: '0',
  attributes: 0,
};

describe('deadLetterMessage', () => {
  it('keeps value, key and headers and adds the error and the original position', () => {
    const failedAt = new Date('2026-03-01T09:30:00.000Z');
    const deadLetter = deadLetterMessage({ topic: 'case-intake.case.created.v1', partition: 2, message }, new NonRetriableEventError('bad'), failedAt);
    expect(deadLetter.key).toBe(message.key);
    expect(deadLetter.value).toBe(message.value);
    expect(deadLetter.headers).toEqual({
      ...message.headers,
      'x-dlq-error': 'NonRetriableEventError: bad',
      'x-dlq-original-topic': 'case-intake.case.created.v1',
      'x-dlq-original-partition': '2',
      'x-dlq-original-offset': '42',
      'x-dlq-failed-at': '2026-03-01T09:30:00.000Z',
    });
  });

  it('bounds the error text', () => {
    const deadLetter = deadLetterMessage({ topic: 't', partition: 0, message }, new Error('x'.repeat(10_000)), new Date());
    expect(String(deadLetter.headers?.['x-dlq-error']).length).toBe(2_000);
  });
});
