import { DomainError } from '@scrt/http';

class PrincipalRefusedError extends DomainError {
  constructor(code: string, detail: string) {
    super(code, 403, 'Forbidden', detail);
  }
}

export class NoMatchingRoleError extends PrincipalRefusedError {
  constructor() {
    super('NO_MATCHING_ROLE', 'Your selected role is not one of your roles, or you have no roles.');
  }
}

export class InsufficientAssuranceError extends PrincipalRefusedError {
  constructor() {
    super('INSUFFICIENT_ASSURANCE', 'Sign in with authentication assurance level 2 or higher.');
  }
}

export class NoPermissionsError extends PrincipalRefusedError {
  constructor() {
    super('NO_PERMISSIONS', 'Your role gives no access to the Safeguarding Case Review Tracker.');
  }
}

export class UnknownOrganisationError extends PrincipalRefusedError {
  constructor(odsCode: string) {
    super('UNKNOWN_ORGANISATION', `Organisation ${odsCode} is not one the tracker serves.`);
  }
}

export class RoleScopeNotGrantedError extends PrincipalRefusedError {
  constructor(missingScopes: string[]) {
    super('ROLE_SCOPE_NOT_GRANTED', `The access token was not granted the scopes that carry your role (${missingScopes.join(', ')}); sign in again asking for them.`);
  }
}
