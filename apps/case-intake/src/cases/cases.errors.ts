import { DomainError, ForbiddenError } from '@scrt/http';

export class CaseNotFoundError extends DomainError {
  constructor(id: string) {
    super('CASE_NOT_FOUND', 404, 'Case not found', `No case ${id} is visible to you.`);
  }
}

export class NotAnIcbError extends ForbiddenError {
  constructor() {
    super('Cases are recorded by an ICB: your selected role is not at an ICB.');
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 409, 'Idempotency key reused', 'This Idempotency-Key was used for a different request.');
  }
}

export class IdempotencyKeyInProgressError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_IN_PROGRESS', 409, 'Idempotency key in progress', 'A request with this Idempotency-Key is still being processed; retry shortly.');
  }
}

/** The local copy holds no version of a code list in force: the service cannot validate codes yet. */
export class ReferenceDataUnavailableError extends DomainError {
  constructor(list: string) {
    super('REFERENCE_DATA_UNAVAILABLE', 503, 'Reference data unavailable', `No version of the ${list} code list has reached this service yet: try again shortly.`);
  }
}
