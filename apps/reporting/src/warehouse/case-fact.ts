import {
  CaseCreatedV1Contract,
  CaseCreatedV2Contract,
  CaseUpdatedV1Contract,
  CaseWithdrawnV1Contract,
  type CaseCreatedV1,
  type CaseCreatedV2,
  type CaseSnapshotV1,
  type CaseUpdatedV1,
  type CaseWithdrawnV1,
  type EventEnvelope,
} from '@scrt/contracts';
import { dateOnly, factSource, type FactSource } from './fact-source.js';

/** A case as the warehouse keeps it: the snapshot of one event, without free text. */
export interface CaseFactRow {
  caseId: string;
  version: number;
  organisationCode: string;
  regionCode: string;
  subIcbLocationCode: string | null;
  reviewType: string;
  incidentDate: string;
  dateAdded: string | null;
  subjectGroup: string | null;
  ageBand: string | null;
  setting: string | null;
  designatedProfessional: string | null;
  partnershipId: string | null;
  identifierCount: number;
  withdrawn: boolean;
  withdrawnAt: string | null;
  recordedAt: string;
  updatedAt: string | null;
  themes: string[];
  sourceEventId: string;
  sourceOccurredAt: string;
}

function fromSnapshot(event: EventEnvelope, snapshot: CaseSnapshotV1, withdrawnAt: string | null): CaseFactRow {
  return {
    caseId: snapshot.caseId,
    version: snapshot.version,
    organisationCode: snapshot.organisationCode,
    regionCode: snapshot.regionCode,
    subIcbLocationCode: snapshot.subIcbLocationCode ?? null,
    reviewType: snapshot.reviewType,
    incidentDate: dateOnly(snapshot.incidentDate),
    dateAdded: dateOnly(snapshot.dateAdded),
    subjectGroup: snapshot.subjectGroup,
    ageBand: snapshot.ageBand ?? null,
    setting: snapshot.setting ?? null,
    designatedProfessional: snapshot.designatedProfessional ?? null,
    partnershipId: snapshot.partnershipId ?? null,
    identifierCount: snapshot.identifiers.length,
    withdrawn: snapshot.withdrawn,
    withdrawnAt: snapshot.withdrawn ? (withdrawnAt ?? snapshot.updatedAt) : null,
    recordedAt: snapshot.createdAt,
    updatedAt: snapshot.updatedAt,
    themes: snapshot.themes,
    sourceEventId: event.eventId,
    sourceOccurredAt: event.occurredAt,
  };
}

/** The old creation event: version 1 of a case, without the items v2 added. */
export function caseFactOfCreatedV1(event: EventEnvelope<CaseCreatedV1>): CaseFactRow {
  const { payload } = event;
  return {
    caseId: payload.caseId,
    version: 1,
    organisationCode: payload.organisationCode,
    regionCode: payload.regionCode,
    subIcbLocationCode: null,
    reviewType: payload.reviewType,
    incidentDate: dateOnly(payload.incidentDate),
    dateAdded: null,
    subjectGroup: null,
    ageBand: null,
    setting: null,
    designatedProfessional: null,
    partnershipId: null,
    identifierCount: 0,
    withdrawn: false,
    withdrawnAt: null,
    recordedAt: payload.createdAt,
    updatedAt: payload.createdAt,
    themes: [],
    sourceEventId: event.eventId,
    sourceOccurredAt: event.occurredAt,
  };
}

export const caseFactOfCreatedV2 = (event: EventEnvelope<CaseCreatedV2>) => fromSnapshot(event, event.payload, null);
export const caseFactOfUpdated = (event: EventEnvelope<CaseUpdatedV1>) => fromSnapshot(event, event.payload.case, null);
export const caseFactOfWithdrawn = (event: EventEnvelope<CaseWithdrawnV1>) => fromSnapshot(event, event.payload.case, event.payload.withdrawnAt);

export const CASE_FACT_SOURCES = [
  factSource(CaseCreatedV1Contract, caseFactOfCreatedV1),
  factSource(CaseCreatedV2Contract, caseFactOfCreatedV2),
  factSource(CaseUpdatedV1Contract, caseFactOfUpdated),
  factSource(CaseWithdrawnV1Contract, caseFactOfWithdrawn),
] as FactSource<object, CaseFactRow>[];
