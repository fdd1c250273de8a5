import { randomUUID } from 'node:crypto';
import { CaseCreatedV1Contract, type CaseCreatedV1, type EventActor } from '@scrt/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { buildEnvelope } from '../outbox/event-envelope.js';

export const testActor: EventActor = { subject: 'user-1', kind: 'user', organisationCode: 'QWE', tier: 'icb' };

/** A valid `case.created` payload for a new case. */
export function caseCreatedPayload(overrides: Partial<CaseCreatedV1> = {}): CaseCreatedV1 {
  return {
    caseId: randomUUID(),
    organisationCode: 'QWE',
    regionCode: 'Y56',
    incidentDate: '2026-01-15',
    reviewType: 'SAR',
    createdAt: '2026-02-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A valid serialized `case.created` event, as the relay publishes it. */
export function caseCreatedEventJson(payload: CaseCreatedV1 = caseCreatedPayload(), correlationId = 'corr-12345'): string {
  return JSON.stringify(buildEnvelope(CaseCreatedV1Contract, payload, { actor: testActor, correlationId }, 'case-intake'));
}

/** A consumed Kafka message at `offset`. */
export function kafkaMessage(value: string | null, offset = '0', key: string | null = 'case-1', headers: IHeaders = {}): KafkaMessage {
  return { key: key === null ? null : Buffer.from(key), value: value === null ? null : Buffer.from(value), headers, offset, timestamp: '0', attributes: 0 };
}
