import { DomainError, ForbiddenError } from '@scrt/http';

export class ReviewNotFoundError extends DomainError {
  constructor(id: string) {
    super('REVIEW_NOT_FOUND', 404, 'Review not found', `No review ${id} is visible to you.`);
  }
}

export class RecommendationNotFoundError extends DomainError {
  constructor(id: string) {
    super('RECOMMENDATION_NOT_FOUND', 404, 'Recommendation not found', `No recommendation ${id} is visible to you.`);
  }
}

export class ActionNotFoundError extends DomainError {
  constructor(id: string) {
    super('ACTION_NOT_FOUND', 404, 'Action not found', `No action ${id} is visible to you.`);
  }
}

/** A rule of the review's lifecycle refused the change: 409 when the review's state forbids it, 422 when the values break a rule. */
export class ReviewRuleError extends DomainError {
  constructor(status: 409 | 422, code: string, message: string, field?: string) {
    super(code, status, status === 409 ? 'Not allowed in the review\'s state' : 'Breaks a review rule', message, field ? [{ field, code, message }] : undefined);
  }
}

/** Reviews are changed by the ICB the review's case rolls up to (its data-input users and machine clients). */
export class NotTheReviewsIcbError extends ForbiddenError {
  constructor() {
    super('Reviews are recorded and changed by the ICB the case belongs to: your selected role is not at that ICB.');
  }
}

export class PreconditionRequiredError extends DomainError {
  constructor() {
    super('PRECONDITION_REQUIRED', 428, 'Precondition required', 'Send If-Match with the review\'s ETag (its version, quoted) to change it.');
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(current: number) {
    super('PRECONDITION_FAILED', 412, 'Precondition failed', `The review has changed since you read it: it is at version ${current}. Read it again and retry.`);
  }
}

/** A local copy (code lists, timescales, calendar, hierarchy) has not received its first event yet. */
export class ReferenceDataUnavailableError extends DomainError {
  constructor(what: string) {
    super('REFERENCE_DATA_UNAVAILABLE', 503, 'Reference data unavailable', `No ${what} has reached this service yet: try again shortly.`);
  }
}
