import { DomainError } from '@scrt/http';

export class TimescaleDraftExistsError extends DomainError {
  constructor(version?: number) {
    super('TIMESCALE_DRAFT_EXISTS', 409, 'Draft exists', `${version ? `Version ${version}` : 'Another version'} is already a draft: edit, publish or discard it.`);
  }
}

export class NoTimescaleDraftError extends DomainError {
  constructor() {
    super('TIMESCALE_DRAFT_NOT_FOUND', 404, 'No draft', 'There is no draft of the timescales: create one first.');
  }
}

export class TimescaleVersionNotFoundError extends DomainError {
  constructor(detail: string) {
    super('TIMESCALE_VERSION_NOT_FOUND', 404, 'Timescale version not found', detail);
  }
}

export class TimescaleTargetNotFoundError extends DomainError {
  constructor(reviewType: string, stage: string) {
    super('TIMESCALE_TARGET_NOT_FOUND', 404, 'No timescale', `No timescale is set for ${reviewType} at stage ${stage}.`);
  }
}

export class TimescaleFieldError extends DomainError {
  constructor(field: string, code: string, message: string) {
    super('VALIDATION_FAILED', 400, 'Validation failed', message, [{ field, code, message }]);
  }
}
