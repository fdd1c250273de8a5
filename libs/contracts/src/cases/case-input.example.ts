/**
 * A valid case for `POST /api/v1/cases`, for any ICB (no sub-ICB location or partnership, which
 * belong to one): the documented example, and the base of every test's and benchmark's case.
 */
export const CASE_INPUT_EXAMPLE = {
  reviewType: 'RAPID_REVIEW',
  incidentDate: '2026-09-14',
  dateAdded: '2026-09-16',
  subjectGroup: 'CHILD',
  themes: ['NEGLECT', 'EMOTIONAL'],
  briefInformation: 'Rapid review notified by the local authority after a serious incident.',
  identifiers: [{ type: 'STEIS', value: '2026/12345' }],
  designatedProfessional: 'DESIGNATED_NURSE_CHILDREN',
  ageBand: 'AGE_5_10',
  locality: 'Northtown',
  setting: 'OWN_HOME',
  comments: 'Agencies involved: health visiting, school nursing.',
} as const;
