import { DomainError } from '@scrt/http';
import type { CsvRowProblem } from '../csv/csv-table.js';

export class OrganisationNotFoundError extends DomainError {
  constructor(odsCode: string) {
    super('ORGANISATION_NOT_FOUND', 404, 'Organisation not found', `No organisation has ODS code ${odsCode}.`);
  }
}

export class OrganisationChangesInvalidError extends DomainError {
  constructor(errors: CsvRowProblem[]) {
    super('CSV_INVALID', 400, 'CSV invalid', `${errors.length} problem(s) in the change file: nothing was imported.`, errors);
  }
}
