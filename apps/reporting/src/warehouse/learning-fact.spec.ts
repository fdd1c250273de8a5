import { describe, expect, it } from '@jest/globals';
import type { ActionUpdatedV1, EventEnvelope, LearningRecordedV1, RecommendationSnapshotV1 } from '@scrt/contracts';
import { learningFactOfAction, learningFactOfRecommendation, learningFactOfRecorded } from './learning-fact.js';

const owner = { reviewId: '6f1d2c3b-0000-4000-8000-000000000001', organisationCode: 'QWO', regionCode: 'Y63' };
const envelope = <P>(payload: P, occurredAt = '2027-03-31T22:30:00.000Z'): EventEnvelope<P> =>
  ({ eventId: '6f1d2c3b-0000-4000-8000-0000000000ee', type: 'reviews.x', version: 1, occurredAt, payload }) as unknown as EventEnvelope<P>;

const recommendation: RecommendationSnapshotV1 = {
  ...owner,
  recommendationId: '6f1d2c3b-0000-4000-8000-000000000010',
  version: 2,
  theme: 'NEGLECT',
  agency: 'POLICE',
  dueDate: '2027-06-30',
  status: 'IN_PROGRESS',
  learningEmbeddedOn: null,
  reAuditDue: null,
  reAuditRecordedOn: null,
};

describe('learning facts from learning events', () => {
  it('keeps a recommendation with its theme, status and due date, done when its learning is embedded, on the day recorded in England', () => {
    expect(learningFactOfRecommendation(envelope(recommendation))).toEqual({
      ...owner,
      itemId: recommendation.recommendationId,
      kind: 'recommendation',
      version: 2,
      themeCode: 'NEGLECT',
      status: 'IN_PROGRESS',
      dueOn: '2027-06-30',
      completedOn: null,
      occurredOn: '2027-03-31',
      method: null,
      sourceEventId: '6f1d2c3b-0000-4000-8000-0000000000ee',
      sourceOccurredAt: '2027-03-31T22:30:00.000Z',
    });
    expect(learningFactOfRecommendation(envelope({ ...recommendation, learningEmbeddedOn: '2027-05-02' })).completedOn).toBe('2027-05-02');
    // 00:30 on 1 July in London is still 30 June in UTC.
    expect(learningFactOfRecommendation(envelope(recommendation, '2027-06-30T23:30:00.000Z')).occurredOn).toBe('2027-07-01');
  });

  it('keeps an action with its status, due and completion dates', () => {
    const action: ActionUpdatedV1 = { ...owner, actionId: '6f1d2c3b-0000-4000-8000-000000000020', recommendationId: recommendation.recommendationId, version: 4, dueDate: '2027-04-30', status: 'COMPLETED', completedOn: '2027-04-29' };
    expect(learningFactOfAction(envelope(action))).toMatchObject({ itemId: action.actionId, kind: 'action', version: 4, status: 'COMPLETED', dueOn: '2027-04-30', completedOn: '2027-04-29', themeCode: null });
  });

  it('keeps a dissemination\'s code as its method and its date; any other learning\'s code as its theme, on the day recorded', () => {
    const learning: LearningRecordedV1 = { ...owner, learningId: '6f1d2c3b-0000-4000-8000-000000000030', kind: 'dissemination', code: 'SEVEN_MINUTE_BRIEFING', occurredOn: '2027-02-14', reached: 40 };
    expect(learningFactOfRecorded(envelope(learning))).toMatchObject({ itemId: learning.learningId, kind: 'dissemination', version: 1, method: 'SEVEN_MINUTE_BRIEFING', themeCode: null, occurredOn: '2027-02-14' });
    expect(learningFactOfRecorded(envelope({ ...learning, kind: 'contributory-factor', code: 'COMMUNICATION', occurredOn: null }))).toMatchObject({ kind: 'contributory-factor', method: null, themeCode: 'COMMUNICATION', occurredOn: '2027-03-31' });
  });
});
