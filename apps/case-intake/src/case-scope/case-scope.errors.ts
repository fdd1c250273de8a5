import { DomainError } from '@scrt/http';

/** The caller's organisation has ended in the hierarchy in force today (e.g. merged into a new ICB). */
export class OrganisationReplacedError extends DomainError {
  constructor(organisationCode: string, successor: string | null) {
    super(
      'ORGANISATION_REPLACED',
      403,
      'Organisation no longer in force',
      `${organisationCode} is no longer in force${successor ? `: its work passed to ${successor}` : ''}. New cases are recorded under an organisation in force today.`,
    );
  }
}
