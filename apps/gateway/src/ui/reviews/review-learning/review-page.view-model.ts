import { labelOf } from '../../cases/reference-lists.js';
import { formatDate } from '../../rendering/view-environment.js';
import type { Action, Recommendation, Review, ReviewLearning, SimilarRecommendation } from '../review-api.types.js';
import type { ReviewCodes } from '../review-codes.js';
import { reviewTimelineViewModel } from '../review-timeline/review-timeline.view-model.js';
import { LEARNING_KINDS, recommendationStatusLabel, type LearningKind } from './learning.forms.js';

const FINISHED_ACTIONS = new Set(['COMPLETED', 'NO_LONGER_REQUIRED']);
const row = (key: string, text: string | null | undefined) => (text ? [{ key: { text: key }, value: { text } }] : []);

function actionViewModel(codes: ReviewCodes, review: Review, action: Action, canManage: boolean) {
  return {
    description: action.description,
    rows: [
      ...row('Owner', action.owner),
      ...row('Due', formatDate(action.dueDate)),
      ...row('Status', action.overdue ? 'Overdue' : labelOf(codes['action-statuses'], action.status)),
      ...row('Evidence', action.evidenceText),
      ...row('Completed', action.completedOn && formatDate(action.completedOn)),
    ],
    evidenceLink: action.evidenceLink,
    updateHref: canManage && !FINISHED_ACTIONS.has(action.status) ? `/reviews/${review.id}/actions/${action.id}/update` : undefined,
  };
}

/** What may be done next with a recommendation, in the order people do it. */
function recommendationLinks(review: Review, recommendation: Recommendation) {
  const base = `/reviews/${review.id}/recommendations/${recommendation.id}`;
  return [
    { text: 'Update status', href: `${base}/status` },
    { text: 'Add an action', href: `${base}/actions` },
    ...(recommendation.learningEmbeddedOn === null ? [{ text: 'Record learning embedded', href: `${base}/learning-embedded` }] : []),
    ...(recommendation.learningEmbeddedOn !== null && recommendation.reAuditOutcome === null ? [{ text: 'Record re-audit', href: `${base}/re-audit` }] : []),
  ];
}

export interface ReviewPageContext {
  codes: ReviewCodes;
  review: Review;
  recommendations: Recommendation[];
  learning: ReviewLearning;
  canManage: boolean;
}

/** A review's own page: its timeline, recommendations with their actions, and the rest of its learning. */
export function reviewPageViewModel({ codes, review, recommendations, learning, canManage }: ReviewPageContext) {
  const canAdd = canManage && review.stage !== 'CLOSED';
  return {
    timeline: reviewTimelineViewModel(codes, review, canManage),
    caseHref: `/cases/${review.caseId}#review-${review.id}`,
    addRecommendationHref: canAdd ? `/reviews/${review.id}/recommendations/new` : undefined,
    recommendations: recommendations.map((recommendation, index) => ({
      heading: `Recommendation ${index + 1}`,
      text: recommendation.text,
      rows: [
        ...row('Theme', labelOf(codes['recommendation-themes'], recommendation.theme)),
        ...row('For', labelOf(codes.agencies, recommendation.agency)),
        ...row('Lead', recommendation.lead),
        ...row('Due', recommendation.dueDate && formatDate(recommendation.dueDate)),
        ...row('Status', recommendationStatusLabel(recommendation.status)),
        ...row('Reason', recommendation.statusReason),
        ...row('Learning embedded', recommendation.learningEmbeddedOn && formatDate(recommendation.learningEmbeddedOn)),
        ...row('Re-audit due', recommendation.reAuditDue && formatDate(recommendation.reAuditDue)),
        ...row('Re-audit outcome', recommendation.reAuditOutcome),
      ],
      actions: recommendation.actions.map((action) => actionViewModel(codes, review, action, canManage)),
      links: canManage ? recommendationLinks(review, recommendation) : [],
    })),
    contributoryFactors: learning.contributoryFactors.map((item) => labelOf(codes['contributory-factors'], item.code)),
    lessons: learning.lessons.map((item) => item.text ?? ''),
    goodPractice: learning.goodPractice.map((item) => item.text ?? ''),
    disseminations: learning.disseminations.map((item) => [
      { header: 'Method', text: labelOf(codes['dissemination-methods'], item.method) },
      { header: 'Audience', text: item.audience },
      { header: 'Date', text: formatDate(item.occurredOn) },
      { header: 'Reached', text: String(item.reached) },
    ]),
    learningLinks: canAdd ? (Object.keys(LEARNING_KINDS) as LearningKind[]).map((kind) => ({ text: LEARNING_KINDS[kind].title, href: `/reviews/${review.id}/learning/${kind}` })) : [],
  };
}

/**
 * The recommendations already made that read like a new one: the service's matches without the
 * new one itself, counted again without it.
 */
export function similarViewModel(codes: ReviewCodes, recommendation: Recommendation, matches: SimilarRecommendation[]) {
  const others = matches.filter((match) => match.id !== recommendation.id);
  return {
    text: recommendation.text,
    reviewHref: `/reviews/${recommendation.reviewId}`,
    reviews: new Set(others.map((match) => match.reviewId)).size,
    organisations: new Set(others.map((match) => match.organisationCode)).size,
    implemented: others.filter((match) => match.implemented).length,
    rows: others.map((match) => [
      { header: 'Recommendation', text: match.text },
      { header: 'Theme', text: labelOf(codes['recommendation-themes'], match.theme) },
      { header: 'Organisation', text: match.organisationCode },
      { header: 'Status', text: recommendationStatusLabel(match.status) },
      { header: 'Similarity', text: `${Math.round(match.similarity * 100)}%` },
    ]),
  };
}
