import { DomainError } from '@scrt/http';

/** A page that needs a signed-in user, asked for without a session cookie. */
export class SignInRequiredError extends DomainError {
  constructor() {
    super('SIGN_IN_REQUIRED', 401, 'Sign in required', 'Sign in to use this page.');
  }
}

/** The browser had a session, but it ended (idle timeout, absolute lifetime, signed out elsewhere). */
export class SessionExpiredError extends DomainError {
  constructor() {
    super('SESSION_EXPIRED', 401, 'Session ended', 'Your session has ended.');
  }
}

/** The selected role does not give the permission this page needs. */
export class PagePermissionError extends DomainError {
  constructor(permission: string) {
    super('FORBIDDEN', 403, 'Forbidden', `This page needs the ${permission} permission.`);
  }
}

export class PageNotFoundError extends DomainError {
  constructor() {
    super('NOT_FOUND', 404, 'Not found', 'No such page.');
  }
}
