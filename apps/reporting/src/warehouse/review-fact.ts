import {
  ReviewCreatedV1Contract,
  ReviewStageChangedV1Contract,
  ReviewUpdatedV1Contract,
  type EventEnvelope,
  type ReviewCreatedV1,
  type ReviewSnapshotV1,
  type ReviewStageChangedV1,
  type ReviewUpdatedV1,
} from '@scrt/contracts';
import { toDayNumber } from '@scrt/working-days';
import { dateOnly, dateOrNull, factSource, type FactSource } from './fact-source.js';

/** A review as the warehouse keeps it: the snapshot of one event. */
export interface ReviewFactRow {
  reviewId: string;
  version: number;
  caseId: string;
  organisationCode: string;
  regionCode: string;
  reviewType: string;
  stage: string;
  stageDate: string;
  status: string;
  convertedFromId: string | null;
  convertedToId: string | null;
  signedOffOn: string | null;
  publicationState: string | null;
  publishedOn: string | null;
  embargoUntil: string | null;
  paused: boolean;
  createdAt: string;
  updatedAt: string;
  sourceEventId: string;
  sourceOccurredAt: string;
}

/** A stage a review entered, with the target that stage met (when the event carried it). */
export interface StageTransitionRow {
  reviewId: string;
  toStage: string;
  fromStage: string;
  enteredOn: string;
  targetOn: string | null;
  /** Calendar days late (positive) or early (negative) against the target. */
  slippageDays: number | null;
  sourceEventId: string;
}

/** What one review event changes: the review's fact, and the stage it entered if it entered one. */
export interface ReviewFactChange {
  review: ReviewFactRow;
  transition: StageTransitionRow | null;
}

/** `from_stage` of a review's first stage: the column is required and a new review came from no stage. */
export const INITIAL_FROM_STAGE = 'NONE';

function reviewRow(event: EventEnvelope, snapshot: ReviewSnapshotV1): ReviewFactRow {
  return {
    reviewId: snapshot.reviewId,
    version: snapshot.version,
    caseId: snapshot.caseId,
    organisationCode: snapshot.organisationCode,
    regionCode: snapshot.regionCode,
    reviewType: snapshot.reviewType,
    stage: snapshot.stage,
    stageDate: dateOnly(snapshot.stageDate),
    status: snapshot.status,
    convertedFromId: snapshot.convertedFromId ?? null,
    convertedToId: snapshot.convertedToId ?? null,
    signedOffOn: dateOrNull(snapshot.signedOffOn),
    publicationState: snapshot.publicationState ?? null,
    publishedOn: dateOrNull(snapshot.publishedOn),
    embargoUntil: dateOrNull(snapshot.embargoUntil),
    paused: snapshot.paused,
    createdAt: snapshot.createdAt,
    updatedAt: snapshot.updatedAt,
    sourceEventId: event.eventId,
    sourceOccurredAt: event.occurredAt,
  };
}

function transition(event: EventEnvelope, reviewId: string, fromStage: string, toStage: string, enteredOn: string, targetOn: string | null): StageTransitionRow {
  const entered = dateOnly(enteredOn);
  const target = dateOrNull(targetOn);
  return {
    reviewId,
    toStage,
    fromStage,
    enteredOn: entered,
    targetOn: target,
    slippageDays: target === null ? null : toDayNumber(entered) - toDayNumber(target),
    sourceEventId: event.eventId,
  };
}

/** A new review entered its first stage on its stage date, with the target that stage met (when the event carried it). */
export function reviewFactOfCreated(event: EventEnvelope<ReviewCreatedV1>): ReviewFactChange {
  const { review, targetOn } = event.payload;
  return { review: reviewRow(event, review), transition: transition(event, review.reviewId, INITIAL_FROM_STAGE, review.stage, review.stageDate, targetOn ?? null) };
}

export function reviewFactOfStageChanged(event: EventEnvelope<ReviewStageChangedV1>): ReviewFactChange {
  const { review, fromStage, toStage, occurredOn, targetOn } = event.payload;
  return { review: reviewRow(event, review), transition: transition(event, review.reviewId, fromStage, toStage, occurredOn, targetOn ?? null) };
}

export const reviewFactOfUpdated = (event: EventEnvelope<ReviewUpdatedV1>): ReviewFactChange => ({ review: reviewRow(event, event.payload.review), transition: null });

export const REVIEW_FACT_SOURCES = [
  factSource(ReviewCreatedV1Contract, reviewFactOfCreated),
  factSource(ReviewStageChangedV1Contract, reviewFactOfStageChanged),
  factSource(ReviewUpdatedV1Contract, reviewFactOfUpdated),
] as FactSource<object, ReviewFactChange>[];
