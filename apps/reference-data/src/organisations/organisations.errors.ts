import { DomainError } from '@scrt/http';

export class OrganisationNotFoundError extends DomainError {
  constructor(odsCode: string) {
    super('ORGANISATION_NOT_FOUND', 404, 'Organisation not found', `No organisation has ODS code ${odsCode}.`);
  }
}
