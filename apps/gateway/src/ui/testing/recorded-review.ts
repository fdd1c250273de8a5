import type { Action, Recommendation, Review } from '../reviews/review-api.types.js';
import type { ReviewCodes } from '../reviews/review-codes.js';

/** A review as `GET /api/v1/reviews/{id}` answers it, for specs; items replaced by `overrides`. */
export function recordedReview(overrides: Partial<Review> = {}): Review {
  return {
    id: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c90',
    caseId: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d',
    organisationCode: 'QWO',
    regionCode: 'Y63',
    reviewType: 'RAPID_REVIEW',
    stage: 'RAPID_REVIEW',
    subStage: null,
    stageDate: '2026-09-20',
    status: 'open',
    convertedFromId: null,
    convertedToId: null,
    signedOffOn: null,
    publicationState: null,
    publishedOn: null,
    reportLink: null,
    embargoUntil: null,
    paused: false,
    pauseReason: null,
    stages: [
      { stage: 'NOTIFIED', subStage: null, occurredOn: '2026-09-18', recordedAt: '2026-09-18T10:00:00Z', recordedBy: 'u1' },
      { stage: 'RAPID_REVIEW', subStage: null, occurredOn: '2026-09-20', recordedAt: '2026-09-20T10:00:00Z', recordedBy: 'u1' },
    ],
    pauses: [],
    clocks: [
      {
        clock: 'RAPID_REVIEW',
        startedOn: '2026-09-18',
        target: { amount: 15, unit: 'working_days', startEvent: 'NOTIFICATION' },
        dueDate: '2026-10-09',
        pausedWorkingDays: 0,
        metOn: null,
        workingDaysLeft: -3,
        rag: 'red',
        slippageWorkingDays: null,
        problem: null,
      },
    ],
    version: 2,
    ...overrides,
  };
}

export const RECOMMENDATION_ID = '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c91';
export const ACTION_ID = '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c92';

/** An action as the reviews API answers it, under `recordedRecommendation()`. */
export const recordedAction = (overrides: Partial<Action> = {}): Action => ({
  id: ACTION_ID,
  recommendationId: RECOMMENDATION_ID,
  reviewId: recordedReview().id,
  organisationCode: 'QWO',
  description: 'Update the template',
  owner: 'Named GP',
  dueDate: '2026-10-01',
  status: 'IN_PROGRESS',
  overdue: true,
  evidenceText: null,
  evidenceLink: null,
  completedOn: null,
  version: 1,
  ...overrides,
});

/** A recommendation of `recordedReview()` as the reviews API answers it. */
export const recordedRecommendation = (overrides: Partial<Recommendation> = {}): Recommendation => ({
  id: RECOMMENDATION_ID,
  reviewId: recordedReview().id,
  organisationCode: 'QWO',
  text: 'Share neglect concerns at the first meeting.',
  theme: 'INFORMATION_SHARING',
  agency: 'PRIMARY_CARE',
  lead: null,
  dueDate: null,
  status: 'ACCEPTED',
  statusReason: null,
  learningEmbeddedOn: null,
  reAuditDue: null,
  reAuditOutcome: null,
  reAuditRecordedOn: null,
  actions: [recordedAction()],
  version: 3,
  ...overrides,
});

const code = (value: string, label: string, sortOrder = 1) => ({ code: value, label, sortOrder, deprecated: false });

export const reviewCodes = (): ReviewCodes => ({
  'review-types': [code('RAPID_REVIEW', 'Rapid review'), code('CSPR_LOCAL', 'Local CSPR', 2), code('SAR', 'SAR', 3)],
  'review-stages': [code('NOTIFIED', 'Notified or referred'), code('RAPID_REVIEW', 'Rapid review'), code('DECISION', 'Decision'), code('IN_PROGRESS', 'Review in progress'), code('SIGNED_OFF', 'Report signed off'), code('PUBLISHED', 'Published or embargoed')],
  'publication-states': [code('PUBLISHED', 'Published'), code('EMBARGOED', 'Embargoed', 2)],
  'pause-reasons': [code('CORONER', "Awaiting coroner's inquest")],
  'recommendation-themes': [code('INFORMATION_SHARING', 'Information sharing')],
  agencies: [code('PRIMARY_CARE', 'Primary care')],
  'action-statuses': [code('NOT_STARTED', 'Not started'), code('COMPLETED', 'Completed', 2), code('OVERDUE', 'Overdue', 3)],
  'contributory-factors': [code('WORKLOAD', 'Workload')],
  'dissemination-methods': [code('NEWSLETTER', 'Newsletter')],
});
