import type { CaseRecord } from '../cases/case-api.types.js';

/** A case as `GET /api/v1/cases/{id}` answers it, for specs; items replaced by `overrides`. */
export function recordedCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d',
    organisationCode: 'QWO',
    regionCode: 'Y63',
    reviewType: 'RAPID_REVIEW',
    incidentDate: '2026-09-14',
    dateAdded: '2026-09-16',
    subjectGroup: 'CHILD',
    themes: ['NEGLECT', 'EMOTIONAL'],
    briefInformation: 'Rapid review notified by the local authority.',
    identifiers: [{ type: 'STEIS', value: '2026/12345' }],
    partnershipId: null,
    partnershipName: null,
    designatedProfessional: null,
    ageBand: null,
    locality: 'Northtown',
    setting: null,
    comments: null,
    subIcbLocationCode: '15N',
    status: 'open',
    withdrawal: null,
    personalDataWarnings: [],
    createdAt: '2026-09-16T10:00:00.000Z',
    createdBy: 'u1',
    updatedAt: '2026-09-16T10:00:00.000Z',
    version: 3,
    ...overrides,
  };
}
