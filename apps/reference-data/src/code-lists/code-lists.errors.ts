import { DomainError, type FieldProblem } from '@scrt/http';

export class CodeListNotFoundError extends DomainError {
  constructor(detail: string) {
    super('CODE_LIST_NOT_FOUND', 404, 'Code list not found', detail);
  }
}

export class CodeListDraftExistsError extends DomainError {
  constructor(list: string, version?: number) {
    super('CODE_LIST_DRAFT_EXISTS', 409, 'Draft exists', `${version ? `Version ${version}` : 'Another version'} of ${list} is already a draft: edit, publish or discard it.`);
  }
}

export class NoCodeListDraftError extends DomainError {
  constructor(list: string) {
    super('CODE_LIST_DRAFT_NOT_FOUND', 404, 'No draft', `There is no draft of ${list}: create one first.`);
  }
}

export class CodeNotFoundError extends DomainError {
  constructor(list: string, code: string) {
    super('CODE_NOT_FOUND', 404, 'Code not found', `The draft of ${list} has no code ${code}.`);
  }
}

/** A published code is deprecated, never removed, so that records holding it keep their meaning. */
export class PublishedCodeRemovalError extends DomainError {
  constructor(list: string, code: string) {
    super('CODE_PUBLISHED', 409, 'Code was published', `${code} was published in ${list}: deprecate it instead of removing it.`);
  }
}

export class CodeListFieldError extends DomainError {
  constructor(problems: FieldProblem[]) {
    super('VALIDATION_FAILED', 400, 'Validation failed', problems.map((problem) => problem.message).join('; '), problems);
  }
}

export class CodeListCsvInvalidError extends DomainError {
  constructor(errors: FieldProblem[]) {
    super('CSV_INVALID', 400, 'CSV invalid', `${errors.length} problem(s) in the CSV: nothing was imported.`, errors);
  }
}
