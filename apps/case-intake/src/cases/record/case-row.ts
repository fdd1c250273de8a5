import type { CaseRecord } from '#prisma/intake';
import type { CaseSnapshotV1 } from '@scrt/contracts';
import type { CaseFields, CaseIdentifier, PersonalDataWarning } from './case-fields.js';

/** A case as the database holds it. */
export type CaseRow = CaseRecord;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The items a user recorded, as the API states them. */
export function fieldsOf(row: CaseRow): CaseFields {
  return {
    reviewType: row.reviewType,
    incidentDate: isoDate(row.incidentDate),
    dateAdded: isoDate(row.dateAdded),
    subjectGroup: row.subjectGroup,
    themes: row.themes,
    briefInformation: row.briefInformation,
    identifiers: row.identifiers as unknown as CaseIdentifier[],
    partnershipId: row.partnershipId,
    partnershipName: row.partnershipName,
    designatedProfessional: row.designatedProfessional,
    ageBand: row.ageBand,
    locality: row.locality,
    setting: row.setting,
    comments: row.comments,
    subIcbLocationCode: row.subIcbLocationCode,
  };
}

export const personalDataWarningsOf = (row: CaseRow) => row.personalDataWarnings as unknown as PersonalDataWarning[];

/** The case as events carry it: every coded and dated item, no free text. */
export function snapshotOf(row: CaseRow): CaseSnapshotV1 {
  const fields = fieldsOf(row);
  return {
    caseId: row.id,
    version: row.version,
    organisationCode: row.organisationCode,
    regionCode: row.regionCode,
    subIcbLocationCode: fields.subIcbLocationCode,
    reviewType: fields.reviewType,
    incidentDate: fields.incidentDate,
    dateAdded: fields.dateAdded,
    subjectGroup: fields.subjectGroup,
    ageBand: fields.ageBand,
    themes: fields.themes,
    setting: fields.setting,
    designatedProfessional: fields.designatedProfessional,
    partnershipId: fields.partnershipId,
    identifiers: fields.identifiers.map(({ type, value }) => ({ type, value })),
    withdrawn: row.status === 'withdrawn',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
