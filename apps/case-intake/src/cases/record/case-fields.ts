import type { PersonalDataFinding } from '@scrt/personal-data';

export interface CaseIdentifier {
  /** A code of the `identifier-types` list. */
  type: string;
  value: string;
}

/** What a user records of a case (SCRT.md §4): the body of a create, the result of a change. */
export interface CaseFields {
  reviewType: string;
  incidentDate: string;
  dateAdded: string;
  subjectGroup: string;
  themes: string[];
  briefInformation: string;
  identifiers: CaseIdentifier[];
  partnershipId: string | null;
  partnershipName: string | null;
  designatedProfessional: string | null;
  ageBand: string | null;
  locality: string | null;
  setting: string | null;
  comments: string | null;
  subIcbLocationCode: string | null;
}

export const CASE_FIELD_NAMES = [
  'reviewType',
  'incidentDate',
  'dateAdded',
  'subjectGroup',
  'themes',
  'briefInformation',
  'identifiers',
  'partnershipId',
  'partnershipName',
  'designatedProfessional',
  'ageBand',
  'locality',
  'setting',
  'comments',
  'subIcbLocationCode',
] as const satisfies readonly (keyof CaseFields)[];

export const REQUIRED_FIELDS = ['reviewType', 'incidentDate', 'dateAdded', 'subjectGroup', 'themes', 'briefInformation'] as const satisfies readonly (keyof CaseFields)[];

/** Free-text items: checked for personal data, never put in events. */
export const FREE_TEXT_FIELDS = ['briefInformation', 'comments', 'locality', 'partnershipName'] as const satisfies readonly (keyof CaseFields)[];

/** Where a free-text item looked like personal data (field, kind, range: never the text). */
export type PersonalDataWarning = PersonalDataFinding;
