import { describe, expect, it } from '@jest/globals';
import { CaseCreatedV1Contract, type CaseCreatedV1 } from '@scrt/contracts';
import { runWithCorrelationId } from '@scrt/observability';
import { caseCreatedPayload, testActor } from '../testing/fixtures.js';
import { buildEnvelope, envelopeHeaders, InvalidEventPayloadError } from './event-envelope.js';

const now = new Date('2026-03-01T09:30:00.000Z');

describe('buildEnvelope', () => {
  it('wraps a valid payload with its contract, producer, aggregate id and actor', () => {
    const payload = caseCreatedPayload();
    const envelope = buildEnvelope(CaseCreatedV1Contract, payload, { actor: testActor, correlationId: 'corr-12345', causationId: 'cause-1' }, 'case-intake', now);
    expect(envelope).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'case-intake.case.created',
      version: 1,
      occurredAt: '2026-03-01T09:30:00.000Z',
      correlationId: 'corr-12345',
      causationId: 'cause-1',
      producer: 'case-intake',
      aggregateId: payload.caseId,
      actor: testActor,
      payload,
    });
    expect(parseInt(envelope.eventId.replace(/-/g, '').slice(0, 12), 16)).toBe(now.getTime());
  });

  it('takes the correlation id of the current request, else starts one with the event id', () => {
    const inRequest = runWithCorrelationId('request-123', () => buildEnvelope(CaseCreatedV1Contract, caseCreatedPayload(), { actor: testActor }, 'case-intake'));
    expect(inRequest.correlationId).toBe('request-123');
    const outside = buildEnvelope(CaseCreatedV1Contract, caseCreatedPayload(), { actor: testActor }, 'case-intake');
    expect(outside.correlationId).toBe(outside.eventId);
    expect(outside).not.toHaveProperty('causationId');
  });

  it('refuses an invalid payload or one with unknown fields, naming the problems', () => {
    const invalid = caseCreatedPayload({ regionCode: 'north' });
    expect(() => buildEnvelope(CaseCreatedV1Contract, invalid, { actor: testActor }, 'case-intake')).toThrow(InvalidEventPayloadError);
    expect(() => buildEnvelope(CaseCreatedV1Contract, invalid, { actor: testActor }, 'case-intake')).toThrow(/regionCode/);
    const extra = { ...caseCreatedPayload(), nhsNumber: '9434765919' } as CaseCreatedV1;
    expect(() => buildEnvelope(CaseCreatedV1Contract, extra, { actor: testActor }, 'case-intake')).toThrow(/nhsNumber/);
  });

  it('refuses an empty message key', () => {
    const contract = { ...CaseCreatedV1Contract, aggregateIdOf: () => '' };
    expect(() => buildEnvelope(contract, caseCreatedPayload(), { actor: testActor }, 'case-intake')).toThrow(/aggregate id/);
  });
});

describe('envelopeHeaders', () => {
  it('carries the correlation id, type and id of the event', () => {
    const envelope = buildEnvelope(CaseCreatedV1Contract, caseCreatedPayload(), { actor: testActor, correlationId: 'corr-12345' }, 'case-intake');
    expect(envelopeHeaders(envelope)).toEqual({ 'x-correlation-id': 'corr-12345', 'x-event-type': 'case-intake.case.created', 'x-event-id': envelope.eventId });
  });
});
