import { DomainError } from '@scrt/http';

/** The sign-in round trip failed for a reason the user can only fix by starting again. */
export class SignInFailedError extends DomainError {
  constructor(detail: string) {
    super('SIGN_IN_FAILED', 400, 'Sign-in failed', detail);
  }
}

/** A state-changing form that did not come from this session's own page. */
export class CrossSiteRequestError extends DomainError {
  constructor(detail: string) {
    super('CSRF_CHECK_FAILED', 403, 'Forbidden', detail);
  }
}
