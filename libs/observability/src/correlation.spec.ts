import { describe, expect, it } from '@jest/globals';
import { adoptRequestId, createRequestContext, currentCorrelationId, currentRequestId, runWithCorrelationId, runWithRequestContext } from './correlation.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request context', () => {
  it('keeps a usable client correlation id but always makes its own request id', () => {
    const context = createRequestContext('client-trace-1');
    expect(context.correlationId).toBe('client-trace-1');
    expect(context.requestId).toMatch(UUID_V7);
    expect(createRequestContext('client-trace-1').requestId).not.toBe(context.requestId);
  });

  it('replaces a client correlation id that is too long or oddly shaped', () => {
    expect(createRequestContext('x'.repeat(101)).correlationId).not.toBe('x'.repeat(101));
    expect(createRequestContext('bad id; drop table').correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adopts an upstream request id only when it is a UUID, and only inside a context', () => {
    const upstream = '0192f7a0-1111-7222-8333-444455556666';
    expect(adoptRequestId(upstream)).toBe(false);
    runWithRequestContext(createRequestContext(undefined), () => {
      expect(adoptRequestId('client-chosen')).toBe(false);
      expect(currentRequestId()).toMatch(UUID_V7);
      expect(adoptRequestId(upstream)).toBe(true);
      expect(currentRequestId()).toBe(upstream);
    });
  });

  it('gives work started from an event its own request id beside the event\'s correlation id', () => {
    runWithCorrelationId('corr-event-1', () => {
      expect(currentCorrelationId()).toBe('corr-event-1');
      expect(currentRequestId()).toMatch(UUID_V7);
    });
  });
});
