import { ValidationFailedError } from '@scrt/http';

export class UnknownAccountError extends ValidationFailedError {
  constructor(username: string) {
    super([{ field: 'username', code: 'UNKNOWN_ACCOUNT', message: `There is no demo account ${username}.` }]);
  }
}

/** The account chosen in the form is not the one already signed in to this session. */
export class NotTheSignedInAccountError extends ValidationFailedError {
  constructor(username: string) {
    super([{ field: 'username', code: 'NOT_SIGNED_IN_ACCOUNT', message: `${username} is not the account signed in to this session.` }]);
  }
}

export class RoleNotHeldError extends ValidationFailedError {
  constructor(username: string, roleId: string) {
    super([{ field: 'roleId', code: 'ROLE_NOT_HELD', message: `${username} holds no role ${roleId}.` }]);
  }
}

export class RoleChoiceRequiredError extends ValidationFailedError {
  constructor(username: string) {
    super([{ field: 'roleId', code: 'ROLE_CHOICE_REQUIRED', message: `${username} holds several roles: choose one.` }]);
  }
}
