import { DomainError, type FieldProblem } from '@scrt/http';
import type { CsvRowProblem } from '../csv/csv-table.js';

export class PartnershipNotFoundError extends DomainError {
  constructor(id: string) {
    super('PARTNERSHIP_NOT_FOUND', 404, 'Partnership not found', `No safeguarding partnership has id ${id}.`);
  }
}

export class PartnershipEndedError extends DomainError {
  constructor(id: string, effectiveTo: string) {
    super('PARTNERSHIP_ENDED', 409, 'Partnership ended', `Partnership ${id} ended on ${effectiveTo}.`);
  }
}

export class PartnershipInvalidError extends DomainError {
  constructor(errors: FieldProblem[]) {
    super('VALIDATION_FAILED', 400, 'Validation failed', errors.map((error) => error.message).join('; '), errors);
  }
}

export class PartnershipCsvInvalidError extends DomainError {
  constructor(errors: CsvRowProblem[]) {
    super('CSV_INVALID', 400, 'CSV invalid', `${errors.length} problem(s) in the CSV: nothing was imported.`, errors);
  }
}
