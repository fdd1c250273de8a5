import { describe, expect, it } from '@jest/globals';
import { recordedReview, reviewCodes } from '../../testing/recorded-review.js';
import { ragTag, ragTagHtml, reviewButtons, reviewTimelineViewModel } from './review-timeline.view-model.js';

describe('review timeline', () => {
  it('maps RAG to nhsuk tag colours, and no running target to no tag', () => {
    expect(ragTag('green')).toEqual({ text: 'On track', classes: 'nhsuk-tag--green' });
    expect(ragTag('amber')).toEqual({ text: 'Due soon', classes: 'nhsuk-tag--yellow' });
    expect(ragTag('red')).toEqual({ text: 'Past target', classes: 'nhsuk-tag--red' });
    expect(ragTag(null)).toBeUndefined();
    expect(ragTagHtml('red')).toBe('<strong class="nhsuk-tag nhsuk-tag--red">Past target</strong>');
    expect(ragTagHtml(null)).toBe('');
  });

  it('shows stages with dates, the running target with the days overdue, and pauses', () => {
    const review = recordedReview({ pauses: [{ reason: 'CORONER', pausedOn: '2026-09-21', resumedOn: null }], paused: true, pauseReason: 'CORONER' });
    const timeline = reviewTimelineViewModel(reviewCodes(), review, true);
    expect(timeline.stages).toEqual([{ label: 'Notified or referred', occurredOn: '18 September 2026' }, { label: 'Rapid review', occurredOn: '20 September 2026' }]);
    expect(timeline.target).toEqual({ label: 'Rapid review', dueDate: '9 October 2026', left: '3 working days overdue' });
    expect(timeline.rag?.text).toBe('Past target');
    expect(timeline.pauses).toEqual([{ reason: "Awaiting coroner's inquest", pausedOn: '21 September 2026', resumedOn: 'Still paused' }]);
    expect(timeline.buttons).toEqual([{ text: 'Resume review', href: `/reviews/${review.id}/resume` }]);
  });

  it('offers conversion at the decision of a rapid review, no change on a closed review, and nothing to a read-only user', () => {
    const atDecision = recordedReview({ stage: 'DECISION' });
    expect(reviewButtons(atDecision, true).map((button) => button.text)).toEqual(['Convert to a full review', 'Record a stage change', 'Pause review']);
    expect(reviewButtons(recordedReview({ stage: 'CLOSED', status: 'closed' }), true)).toEqual([]);
    expect(reviewButtons(atDecision, false)).toEqual([]);
    expect(reviewButtons(recordedReview({ reviewType: 'CSPR_LOCAL', stage: 'SIGNED_OFF', status: 'closed' }), true).map((button) => button.text)).toEqual(['Record a stage change']);
  });
});
