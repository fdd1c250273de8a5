import { describe, expect, it } from '@jest/globals';
import type { EventEnvelope, ReviewSnapshotV1, ReviewStageChangedV1 } from '@scrt/contracts';
import { INITIAL_FROM_STAGE, reviewFactOfCreated, reviewFactOfStageChanged, reviewFactOfUpdated } from './review-fact.js';

const review: ReviewSnapshotV1 = {
  reviewId: '6f1d2c3b-0000-4000-8000-000000000001',
  version: 3,
  caseId: '6f1d2c3b-0000-4000-8000-000000000002',
  organisationCode: 'QWO',
  regionCode: 'Y63',
  reviewType: 'RAPID_REVIEW',
  stage: 'DECISION',
  subStage: null,
  stageDate: '2027-01-18',
  status: 'open',
  convertedFromId: null,
  convertedToId: null,
  signedOffOn: null,
  publicationState: null,
  publishedOn: null,
  embargoUntil: null,
  paused: false,
  pauseReason: null,
  createdAt: '2026-12-21T10:00:00.000Z',
  updatedAt: '2027-01-18T11:00:00.000Z',
};

const envelope = <P>(payload: P): EventEnvelope<P> =>
  ({ eventId: '6f1d2c3b-0000-4000-8000-0000000000ee', type: 'reviews.review.stage-changed', version: 1, occurredAt: '2027-01-18T11:00:01.000Z', payload }) as unknown as EventEnvelope<P>;

describe('review facts from review events', () => {
  it('keeps the snapshot of the event, with the event it came from', () => {
    const { review: row, transition } = reviewFactOfUpdated(envelope({ changedFields: ['paused'], review: { ...review, paused: true, signedOffOn: '2027-03-01T00:00:00.000Z' } }));
    expect(row).toMatchObject({ reviewId: review.reviewId, version: 3, stage: 'DECISION', stageDate: '2027-01-18', signedOffOn: '2027-03-01', paused: true, sourceEventId: '6f1d2c3b-0000-4000-8000-0000000000ee', sourceOccurredAt: '2027-01-18T11:00:01.000Z' });
    expect(transition).toBeNull();
  });

  it('makes a stage change a transition with its target and the calendar days it slipped', () => {
    const late: ReviewStageChangedV1 = { fromStage: 'RAPID_REVIEW', toStage: 'DECISION', occurredOn: '2027-01-18', targetOn: '2027-01-14', review };
    expect(reviewFactOfStageChanged(envelope(late)).transition).toEqual({
      reviewId: review.reviewId,
      fromStage: 'RAPID_REVIEW',
      toStage: 'DECISION',
      enteredOn: '2027-01-18',
      targetOn: '2027-01-14',
      slippageDays: 4,
      sourceEventId: '6f1d2c3b-0000-4000-8000-0000000000ee',
    });
    expect(reviewFactOfStageChanged(envelope({ ...late, targetOn: '2027-01-20' })).transition?.slippageDays).toBe(-2);
  });

  it('leaves target and slippage empty for an event without a target (older events, or a stage that meets none)', () => {
    const { fromStage, toStage, occurredOn } = { fromStage: 'DECISION', toStage: 'IN_PROGRESS', occurredOn: '2027-01-19' } as const;
    expect(reviewFactOfStageChanged(envelope({ fromStage, toStage, occurredOn, review })).transition).toMatchObject({ targetOn: null, slippageDays: null });
    expect(reviewFactOfStageChanged(envelope({ fromStage, toStage, occurredOn, targetOn: null, review })).transition).toMatchObject({ targetOn: null, slippageDays: null });
  });

  it('enters a new review into its first stage on its stage date', () => {
    const created = reviewFactOfCreated(envelope({ review: { ...review, version: 1, stage: 'NOTIFIED', stageDate: '2026-12-21' } }));
    expect(created.review.version).toBe(1);
    expect(created.transition).toMatchObject({ fromStage: INITIAL_FROM_STAGE, toStage: 'NOTIFIED', enteredOn: '2026-12-21', targetOn: null });
  });

  it('gives the first stage the target it met when the event carries one (the notification timescale)', () => {
    const created = reviewFactOfCreated(envelope({ review: { ...review, version: 1, stage: 'NOTIFIED', stageDate: '2026-12-21' }, targetOn: '2026-12-18' }));
    expect(created.transition).toMatchObject({ toStage: 'NOTIFIED', enteredOn: '2026-12-21', targetOn: '2026-12-18', slippageDays: 3 });
  });
});
