import { DomainError } from '@scrt/http';

/** The interaction cookie is missing, expired, or belongs to another sign-in (a stale tab). */
export class SignInExpiredError extends DomainError {
  constructor() {
    super('SIGN_IN_EXPIRED', 400, 'Sign-in expired', 'This sign-in has expired or was replaced: start again from the application.');
  }
}
