import { DomainError, ForbiddenError, type FieldProblem } from '@scrt/http';

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

export class CaseWithdrawnError extends DomainError {
  constructor(id: string) {
    super('CASE_WITHDRAWN', 409, 'Case withdrawn', `Case ${id} is withdrawn: it can no longer be changed.`);
  }
}

export class PreconditionRequiredError extends DomainError {
  constructor() {
    super('PRECONDITION_REQUIRED', 428, 'Precondition required', 'Send If-Match with the case\'s ETag (its version, quoted) to change it.');
  }
}

export class VersionMismatchError extends DomainError {
  constructor(current: number) {
    super('VERSION_MISMATCH', 412, 'Version mismatch', `The case has changed since you read it: it is at version ${current}. Read it again and reapply your change.`);
  }
}

/** Free text looked like personal data and the policy refuses it: where and what kind, never the text. */
export class PersonalDataDetectedError extends DomainError {
  constructor(errors: FieldProblem[]) {
    super('PERSONAL_DATA_DETECTED', 422, 'Personal data detected', 'Free text must not hold personal data: remove it and send again.', errors);
  }
}
