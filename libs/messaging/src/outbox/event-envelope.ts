import type { EventActor, EventContract, EventEnvelope } from '@scrt/contracts';
import { CORRELATION_HEADER, currentCorrelationId, uuidv7 } from '@scrt/observability';
import { validateAs } from '../validate-as.js';

/** Who and what caused the event being appended. */
export interface AppendContext {
  actor: EventActor;
  /** Defaults to the correlation id of the current request or event, else the new event's id. */
  correlationId?: string;
  /** The id of the event (or command) that caused this one. */
  causationId?: string;
}

/** A payload that breaks its contract: a bug in the producing code, never retried. */
export class InvalidEventPayloadError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`Invalid ${eventType} payload: ${problems.join('; ')}`);
    this.name = 'InvalidEventPayloadError';
  }
}

/** Validates the payload against its contract and wraps it in a new envelope. */
export function buildEnvelope<P extends object>(
  contract: EventContract<P>,
  payload: P,
  context: AppendContext,
  producer: string,
  now: Date = new Date(),
): EventEnvelope<P> {
  validateAs(contract.payloadClass, payload, (problems) => new InvalidEventPayloadError(contract.type, problems));
  const aggregateId = contract.aggregateIdOf(payload);
  if (typeof aggregateId !== 'string' || aggregateId.length === 0) {
    throw new InvalidEventPayloadError(contract.type, ['the aggregate id (message key) is empty']);
  }
  const eventId = uuidv7(now.getTime());
  return {
    eventId,
    type: contract.type,
    version: contract.version,
    occurredAt: now.toISOString(),
    correlationId: context.correlationId ?? currentCorrelationId() ?? eventId,
    ...(context.causationId ? { causationId: context.causationId } : {}),
    producer,
    aggregateId,
    actor: context.actor,
    payload,
  };
}

/** The Kafka headers every event carries, so that tools can route and trace without parsing it. */
export function envelopeHeaders(envelope: EventEnvelope): Record<string, string> {
  return {
    [CORRELATION_HEADER]: envelope.correlationId,
    'x-event-type': envelope.type,
    'x-event-id': envelope.eventId,
  };
}
