import { describe, expect, it } from '@jest/globals';
import { adoptUpstreamRequest, createRequestContext, currentCorrelationId, currentRequestContext, currentRequestId, runWithCorrelationId, runWithRequestContext } from './correlation.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request context', () => {
  it('keeps a usable client correlation id but always makes its own request id', () => {
    const context = createRequestContext('client-trace-1');
    expect(context).toMatchObject({ correlationId: 'client-trace-1', clientCorrelationId: 'client-trace-1' });
    expect(context.requestId).toMatch(UUID_V7);
    expect(createRequestContext('client-trace-1').requestId).not.toBe(context.requestId);
  });

  it('replaces a client correlation id that is missing, too long or oddly shaped, and records none as the client\'s', () => {
    for (const candidate of [undefined, 'x'.repeat(101), 'bad id; drop table']) {
      const context = createRequestContext(candidate);
      expect(context.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(context).not.toHaveProperty('clientCorrelationId');
    }
  });

  it('adopts what the gateway states only with a UUID request id, and only inside a context', () => {
    const requestId = '0192f7a0-1111-7222-8333-444455556666';
    expect(adoptUpstreamRequest({ requestId })).toBe(false);
    runWithRequestContext(createRequestContext('forwarded-by-gateway'), () => {
      expect(adoptUpstreamRequest({ requestId: 'client-chosen', clientCorrelationId: 'x-trace-1' })).toBe(false);
      expect(currentRequestId()).toMatch(UUID_V7);
      expect(adoptUpstreamRequest({ requestId })).toBe(true);
      expect(currentRequestContext()).toEqual({ correlationId: 'forwarded-by-gateway', requestId });
      expect(adoptUpstreamRequest({ requestId, clientCorrelationId: 'x-trace-1' })).toBe(true);
      expect(currentRequestContext()?.clientCorrelationId).toBe('x-trace-1');
    });
  });

  it('gives work started from an event its own request id beside the event\'s correlation id', () => {
    runWithCorrelationId('corr-event-1', () => {
      expect(currentCorrelationId()).toBe('corr-event-1');
      expect(currentRequestId()).toMatch(UUID_V7);
    });
  });
});
