/**
 * A valid body for `POST /api/v1/cases` (the full record of issue 9) for any ICB, with the given
 * items replaced: the one builder every test, benchmark and script that records a case uses.
 */
export function caseInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reviewType: 'RAPID_REVIEW',
    incidentDate: '2026-03-02',
    dateAdded: '2026-03-04',
    subjectGroup: 'CHILD',
    themes: ['NEGLECT', 'EMOTIONAL'],
    briefInformation: 'Rapid review notified by the local authority after a serious incident.',
    identifiers: [{ type: 'STEIS', value: '2026/12345' }],
    designatedProfessional: 'DESIGNATED_NURSE_CHILDREN',
    ageBand: 'AGE_5_10',
    setting: 'OWN_HOME',
    ...overrides,
  };
}
