import { DomainError } from './domain-error.js';

/** An `Idempotency-Key` sent again with a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 409, 'Idempotency key reused', 'This Idempotency-Key was used for a different request.');
  }
}

/** The first request with this `Idempotency-Key` has not finished. */
export class IdempotencyKeyInProgressError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_IN_PROGRESS', 409, 'Idempotency key in progress', 'A request with this Idempotency-Key is still being processed; retry shortly.');
  }
}
