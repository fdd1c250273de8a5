import type { Principal } from '@scrt/contracts';
import { referenceOf } from '../../cases/case-list/case-list.view-model.js';
import { formatDate } from '../../rendering/view-environment.js';
import type { MyWork, Review } from '../review-api.types.js';
import { reviewTitle, stageLabel, type ReviewCodes } from '../review-codes.js';
import { ragTagHtml, runningClock } from '../review-timeline/review-timeline.view-model.js';

const caseLink = (review: { id: string; caseId: string }) => `<a class="nhsuk-link" href="/cases/${review.caseId}#review-${review.id}">Case ${referenceOf(review.caseId)}</a>`;
const reviewLink = (reviewId: string, text: string) => ({ href: `/reviews/${reviewId}`, text });

const REVIEW_HEAD = ['Case', 'Organisation', 'Review', 'Stage', 'Target date', 'Status'];

/** Review rows with the case link and the RAG tag (HTML from constants and ids only). */
function reviewRows(codes: ReviewCodes, reviews: Review[]) {
  return reviews.map((review) => {
    const clock = runningClock(review);
    const cells = [
      { html: caseLink(review) },
      { text: review.organisationCode },
      { text: reviewTitle(codes, review) },
      { text: stageLabel(codes, review.stage, review.subStage) },
      { text: clock?.dueDate ? formatDate(clock.dueDate) : '' },
      { html: ragTagHtml(clock?.rag) },
    ];
    return cells.map((cell, index) => ({ header: REVIEW_HEAD[index], ...cell }));
  });
}

export function myWorkViewModel(codes: ReviewCodes, principal: Principal, work: MyWork, pastTarget: Review[] | undefined) {
  return {
    scope: principal.tier === 'icb' ? 'your ICB' : principal.tier === 'region' ? 'your region' : 'England',
    head: REVIEW_HEAD.map((text) => ({ text })),
    reviews: reviewRows(codes, work.reviews),
    overdueActions: work.overdueActions.map((action) => ({
      link: reviewLink(action.reviewId, action.description),
      owner: action.owner,
      dueDate: formatDate(action.dueDate),
      organisationCode: action.organisationCode,
    })),
    reAuditsDue: work.reAuditsDue.map((recommendation) => ({
      link: reviewLink(recommendation.reviewId, recommendation.text),
      dueDate: formatDate(recommendation.reAuditDue),
      organisationCode: recommendation.organisationCode,
    })),
    pastTarget: pastTarget && reviewRows(codes, pastTarget),
  };
}
