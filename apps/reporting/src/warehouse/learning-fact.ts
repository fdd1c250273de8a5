import {
  ActionUpdatedV1Contract,
  LearningRecordedV1Contract,
  RecommendationRecordedV1Contract,
  RecommendationUpdatedV1Contract,
  type ActionUpdatedV1,
  type EventEnvelope,
  type LearningRecordedV1,
  type RecommendationSnapshotV1,
} from '@scrt/contracts';
import { dateOnly, dateOrNull, dayOfEvent, factSource, type FactSource } from './fact-source.js';

export const LearningFactKinds = ['recommendation', 'action', 'contributory-factor', 'lesson', 'good-practice', 'dissemination'] as const;
export type LearningFactKind = (typeof LearningFactKinds)[number];

/**
 * A piece of learning as the warehouse keeps it. Its review type is not here: learning events do
 * not carry it, the warehouse takes it from the review's fact.
 */
export interface LearningFactRow {
  itemId: string;
  kind: LearningFactKind;
  version: number;
  reviewId: string;
  organisationCode: string;
  regionCode: string;
  themeCode: string | null;
  status: string | null;
  dueOn: string | null;
  completedOn: string | null;
  /** The day it happened if the event says (a dissemination), else the day of its earliest event (when it was recorded). */
  occurredOn: string;
  method: string | null;
  sourceEventId: string;
  sourceOccurredAt: string;
}

const owner = (event: EventEnvelope, payload: { reviewId: string; organisationCode: string; regionCode: string }) => ({
  reviewId: payload.reviewId,
  organisationCode: payload.organisationCode,
  regionCode: payload.regionCode,
  sourceEventId: event.eventId,
  sourceOccurredAt: event.occurredAt,
});

/** A recommendation is done when its learning is embedded. */
export function learningFactOfRecommendation(event: EventEnvelope<RecommendationSnapshotV1>): LearningFactRow {
  const { payload } = event;
  return {
    ...owner(event, payload),
    itemId: payload.recommendationId,
    kind: 'recommendation',
    version: payload.version,
    themeCode: payload.theme,
    status: payload.status,
    dueOn: dateOrNull(payload.dueDate),
    completedOn: dateOrNull(payload.learningEmbeddedOn),
    occurredOn: dayOfEvent(event),
    method: null,
  };
}

export function learningFactOfAction(event: EventEnvelope<ActionUpdatedV1>): LearningFactRow {
  const { payload } = event;
  return {
    ...owner(event, payload),
    itemId: payload.actionId,
    kind: 'action',
    version: payload.version,
    themeCode: null,
    status: payload.status,
    dueOn: dateOnly(payload.dueDate),
    completedOn: dateOrNull(payload.completedOn),
    occurredOn: dayOfEvent(event),
    method: null,
  };
}

/** Recorded once, never changed (hence version 1); a dissemination's code is its method, any other's its theme. */
export function learningFactOfRecorded(event: EventEnvelope<LearningRecordedV1>): LearningFactRow {
  const { payload } = event;
  const dissemination = payload.kind === 'dissemination';
  return {
    ...owner(event, payload),
    itemId: payload.learningId,
    kind: payload.kind,
    version: 1,
    themeCode: dissemination ? null : (payload.code ?? null),
    status: null,
    dueOn: null,
    completedOn: null,
    occurredOn: payload.occurredOn ? dateOnly(payload.occurredOn) : dayOfEvent(event),
    method: dissemination ? (payload.code ?? null) : null,
  };
}

export const LEARNING_FACT_SOURCES = [
  factSource(RecommendationRecordedV1Contract, learningFactOfRecommendation),
  factSource(RecommendationUpdatedV1Contract, learningFactOfRecommendation),
  factSource(ActionUpdatedV1Contract, learningFactOfAction),
  factSource(LearningRecordedV1Contract, learningFactOfRecorded),
] as FactSource<object, LearningFactRow>[];
