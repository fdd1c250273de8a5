import { describe, expect, it } from '@jest/globals';
import { recordedAction, recordedRecommendation, recordedReview, reviewCodes } from '../../testing/recorded-review.js';
import { reviewerSession } from '../../testing/review-services.js';
import type { MyWork } from '../review-api.types.js';
import { myWorkViewModel } from './my-work.view-model.js';

const principalOf = (tier: 'icb' | 'region' | 'national') => reviewerSession(['review:read'], tier).principal;
const review = recordedReview();
const nothing: MyWork = { reviews: [], overdueActions: [], reAuditsDue: [] };

describe('my work', () => {
  it('names the scope of the user: their ICB, their region or England', () => {
    expect(myWorkViewModel(reviewCodes(), principalOf('icb'), nothing, undefined).scope).toBe('your ICB');
    expect(myWorkViewModel(reviewCodes(), principalOf('region'), nothing, []).scope).toBe('your region');
    expect(myWorkViewModel(reviewCodes(), principalOf('national'), nothing, []).scope).toBe('England');
  });

  it('shows a review as a row: the case link to its review, organisation, type, stage, running target date and RAG tag, each cell with its header', () => {
    const inProgress = recordedReview({ stage: 'IN_PROGRESS', subStage: 'SCOPING' });
    const [row] = myWorkViewModel(reviewCodes(), principalOf('icb'), { ...nothing, reviews: [inProgress] }, undefined).reviews;
    expect(row).toEqual([
      { header: 'Case', html: `<a class="nhsuk-link" href="/cases/${review.caseId}#review-${review.id}">Case 0192F5C4</a>` },
      { header: 'Organisation', text: 'QWO' },
      { header: 'Review', text: 'Rapid review' },
      { header: 'Stage', text: 'Review in progress: scoping' },
      { header: 'Target date', text: '9 October 2026' },
      { header: 'Status', html: '<strong class="nhsuk-tag nhsuk-tag--red">Past target</strong>' },
    ]);
  });

  it('leaves the target date and tag empty when every target has been met', () => {
    const met = recordedReview({ clocks: [{ ...recordedReview().clocks[0], metOn: '2026-10-01', rag: null }] });
    const [row] = myWorkViewModel(reviewCodes(), principalOf('icb'), { ...nothing, reviews: [met] }, undefined).reviews;
    expect(row.slice(4)).toEqual([{ header: 'Target date', text: '' }, { header: 'Status', html: '' }]);
  });

  it('links overdue actions and re-audits due to their review page, with owners and dates', () => {
    const work: MyWork = { ...nothing, overdueActions: [recordedAction()], reAuditsDue: [recordedRecommendation({ reAuditDue: '2027-05-01' })] };
    const model = myWorkViewModel(reviewCodes(), principalOf('icb'), work, undefined);
    expect(model.overdueActions).toEqual([{ link: { href: `/reviews/${review.id}`, text: 'Update the template' }, owner: 'Named GP', dueDate: '1 October 2026', organisationCode: 'QWO' }]);
    expect(model.reAuditsDue).toEqual([{ link: { href: `/reviews/${review.id}`, text: 'Share neglect concerns at the first meeting.' }, dueDate: '1 May 2027', organisationCode: 'QWO' }]);
  });

  it('has the reviews past target only when they were asked for (regional and national users)', () => {
    expect(myWorkViewModel(reviewCodes(), principalOf('icb'), nothing, undefined).pastTarget).toBeUndefined();
    expect(myWorkViewModel(reviewCodes(), principalOf('region'), nothing, []).pastTarget).toEqual([]);
    expect(myWorkViewModel(reviewCodes(), principalOf('region'), nothing, [review]).pastTarget).toHaveLength(1);
  });
});
