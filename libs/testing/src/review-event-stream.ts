import { randomUUID } from 'node:crypto';
import { pick, streamEnvelope, type PublishedEvent } from './case-event-stream.js';

export interface ReviewEventStreamOptions {
  reviews: number;
  organisationCode?: string;
  regionCode?: string;
  /** The cases the reviews are of, in turn (a new case id each unless told). */
  caseIds?: string[];
  /** The year of the reviews' dates (2026 unless told). */
  year?: number;
  random?: () => number;
}

const day = (year: number, offset: number) => new Date(Date.UTC(year, 4, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Review and learning events as reviews produces them, in the order it produces them: each review
 * notified, in rapid review, decided (late or early against its target), paused; every other one
 * converted to a SAR (closed, and the SAR created); each with a recommendation recorded and
 * updated, an action recorded and completed, a dissemination and a lesson.
 */
export function reviewEventStream(options: ReviewEventStreamOptions): PublishedEvent[] {
  const random = options.random ?? Math.random;
  const organisationCode = options.organisationCode ?? 'QWO';
  const regionCode = options.regionCode ?? 'Y63';
  const year = options.year ?? 2026;
  const owner = { organisationCode, regionCode };
  const events: PublishedEvent[] = [];
  let clock = Date.now() - 60_000;
  const emit = (topic: string, key: string, payload: Record<string, unknown>) => {
    clock += 10;
    const type = topic.replace(/\.v1$/, '');
    events.push({ topic, key, envelope: streamEnvelope(type, 1, key, payload, new Date(clock), 'reviews') });
  };
  for (let index = 0; index < options.reviews; index += 1) {
    const reviewId = randomUUID();
    const notifiedOn = day(year, index);
    const at = new Date(clock).toISOString();
    let review = {
      reviewId, version: 1, caseId: options.caseIds?.[index % options.caseIds.length] ?? randomUUID(), ...owner, reviewType: 'RAPID_REVIEW', stage: 'NOTIFIED', subStage: null, stageDate: notifiedOn, status: 'open',
      convertedFromId: null as string | null, convertedToId: null as string | null, signedOffOn: null, publicationState: null, publishedOn: null, embargoUntil: null,
      paused: false, pauseReason: null as string | null, createdAt: at, updatedAt: at,
    };
    const move = (toStage: string, occurredOn: string, changes: Partial<typeof review> = {}, targetOn?: string | null) => {
      const fromStage = review.stage;
      review = { ...review, ...changes, version: review.version + 1, stage: toStage, stageDate: occurredOn };
      emit('reviews.review.stage-changed.v1', reviewId, { fromStage, toStage, occurredOn, ...(targetOn === undefined ? {} : { targetOn }), review });
    };
    emit('reviews.review.created.v1', reviewId, { review });
    move('RAPID_REVIEW', notifiedOn);
    const decidedOn = day(year, index + 15 + Math.floor(random() * 10));
    move('DECISION', decidedOn, {}, day(year, index + 21));
    review = { ...review, version: review.version + 1, paused: true, pauseReason: pick(['POLICE_INVESTIGATION', 'INQUEST'], random) };
    emit('reviews.review.updated.v1', reviewId, { changedFields: ['paused', 'pauseReason'], review });
    if (index % 2 === 0) {
      const sarId = randomUUID();
      move('CLOSED', decidedOn, { status: 'closed', convertedToId: sarId, paused: false, pauseReason: null });
      emit('reviews.review.created.v1', sarId, { review: { ...review, reviewId: sarId, version: 1, reviewType: 'SAR', stage: 'DECISION', status: 'open', convertedFromId: reviewId, convertedToId: null } });
    }
    const recommendation = {
      ...owner, reviewId, recommendationId: randomUUID(), version: 1, theme: pick(['NEGLECT', 'DOMESTIC_ABUSE', 'SELF_NEGLECT'], random), agency: 'POLICE',
      dueDate: day(year, index + 120), status: 'ACCEPTED', learningEmbeddedOn: null as string | null, reAuditDue: null, reAuditRecordedOn: null,
    };
    emit('reviews.recommendation.recorded.v1', recommendation.recommendationId, recommendation);
    emit('reviews.recommendation.updated.v1', recommendation.recommendationId, { ...recommendation, version: 2, status: 'IMPLEMENTED', learningEmbeddedOn: day(year, index + 100) });
    const action = { ...owner, reviewId, actionId: randomUUID(), recommendationId: recommendation.recommendationId, version: 1, dueDate: day(year, index + 90), status: 'OPEN', completedOn: null as string | null };
    emit('reviews.action.updated.v1', action.actionId, action);
    emit('reviews.action.updated.v1', action.actionId, { ...action, version: 2, status: 'COMPLETED', completedOn: day(year, index + 80) });
    emit('reviews.learning.recorded.v1', reviewId, { ...owner, reviewId, learningId: randomUUID(), kind: 'dissemination', code: 'SEVEN_MINUTE_BRIEFING', occurredOn: day(year, index + 110), reached: 30 });
    emit('reviews.learning.recorded.v1', reviewId, { ...owner, reviewId, learningId: randomUUID(), kind: 'lesson', code: null, occurredOn: null, reached: null });
  }
  return events;
}
