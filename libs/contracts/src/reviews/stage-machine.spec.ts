import { ReviewStagesV1 } from '../events/review-snapshot.v1.js';
import { allowedMoves, isAllowedMove, statusOfStage } from './stage-machine.js';

describe('the review stage machine', () => {
  it('takes a rapid review from notification to its decision, then only to closed', () => {
    expect(allowedMoves('RAPID_REVIEW', 'NOTIFIED')).toEqual(['RAPID_REVIEW']);
    expect(allowedMoves('RAPID_REVIEW', 'RAPID_REVIEW')).toEqual(['DECISION']);
    expect(allowedMoves('RAPID_REVIEW', 'DECISION')).toEqual(['CLOSED']);
    expect(isAllowedMove('RAPID_REVIEW', 'DECISION', 'IN_PROGRESS')).toBe(false);
  });

  it('takes a full review through decision, progress, sign-off, publication and learning', () => {
    const path = ['NOTIFIED', 'DECISION', 'IN_PROGRESS', 'SIGNED_OFF', 'PUBLISHED', 'LEARNING_DISSEMINATED', 'CLOSED'] as const;
    for (let i = 1; i < path.length; i++) expect(isAllowedMove('CSPR_LOCAL', path[i - 1], path[i])).toBe(true);
    expect(isAllowedMove('SAR', 'NOTIFIED', 'RAPID_REVIEW')).toBe(false);
    expect(isAllowedMove('SAR', 'NOTIFIED', 'SIGNED_OFF')).toBe(false);
    expect(isAllowedMove('SAR', 'SIGNED_OFF', 'IN_PROGRESS')).toBe(false);
    expect(isAllowedMove('SAR', 'IN_PROGRESS', 'IN_PROGRESS')).toBe(true);
  });

  it('allows nothing out of closed', () => {
    for (const type of ['RAPID_REVIEW', 'DHR']) for (const stage of ReviewStagesV1) expect(isAllowedMove(type, 'CLOSED', stage)).toBe(false);
  });

  it('derives open for stages 1-4 and closed from sign-off on', () => {
    expect(ReviewStagesV1.map((stage) => [stage, statusOfStage(stage)])).toEqual([
      ['NOTIFIED', 'open'],
      ['RAPID_REVIEW', 'open'],
      ['DECISION', 'open'],
      ['IN_PROGRESS', 'open'],
      ['SIGNED_OFF', 'closed'],
      ['PUBLISHED', 'closed'],
      ['LEARNING_DISSEMINATED', 'closed'],
      ['CLOSED', 'closed'],
    ]);
  });
});
