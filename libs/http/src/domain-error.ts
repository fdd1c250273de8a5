import type { FieldProblem } from './problem.js';

/**
 * A typed error with a stable code; the problem filter turns it into problem+json. Services
 * subclass it in their `*.errors.ts`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldProblem[], detail = 'The request is not valid.') {
    super('VALIDATION_FAILED', 400, 'Validation failed', detail, errors);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(detail = 'A valid access token is required.') {
    super('UNAUTHENTICATED', 401, 'Unauthenticated', detail);
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail = 'You do not have permission to do this.') {
    super('FORBIDDEN', 403, 'Forbidden', detail);
  }
}

export class NotFoundError extends DomainError {
  constructor(detail = 'Not found.') {
    super('NOT_FOUND', 404, 'Not found', detail);
  }
}
