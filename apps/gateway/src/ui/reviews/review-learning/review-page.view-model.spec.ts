import { describe, expect, it } from '@jest/globals';
import { ACTION_ID, RECOMMENDATION_ID, recordedAction, recordedRecommendation, recordedReview, reviewCodes } from '../../testing/recorded-review.js';
import type { Action, Recommendation } from '../review-api.types.js';
import { reviewPageViewModel, similarViewModel } from './review-page.view-model.js';

const review = recordedReview({ reviewType: 'CSPR_LOCAL', stage: 'PUBLISHED', status: 'closed' });
const action = (overrides: Partial<Action> = {}) => recordedAction({ reviewId: review.id, ...overrides });
const recommendation = (overrides: Partial<Recommendation> = {}) => recordedRecommendation({ reviewId: review.id, ...overrides });
const noLearning = { contributoryFactors: [], lessons: [], goodPractice: [], disseminations: [] };

describe('the review page', () => {
  it('shows an overdue action as overdue, offers its update and the next steps of the recommendation to a manager', () => {
    const page = reviewPageViewModel({ codes: reviewCodes(), review, recommendations: [recommendation()], learning: noLearning, canManage: true });
    const [shown] = page.recommendations;
    expect(shown.rows).toContainEqual({ key: { text: 'Theme' }, value: { text: 'Information sharing' } });
    expect(shown.actions[0].rows).toContainEqual({ key: { text: 'Status' }, value: { text: 'Overdue' } });
    expect(shown.actions[0].updateHref).toBe(`/reviews/${review.id}/actions/${ACTION_ID}/update`);
    expect(shown.links.map((link) => link.text)).toEqual(['Update status', 'Add an action', 'Record learning embedded']);
    expect(page.learningLinks).toHaveLength(4);
  });

  it('offers the re-audit once learning is embedded, nothing on a completed action, and no change at all to a read-only user', () => {
    const embedded = recommendation({ learningEmbeddedOn: '2026-11-01', reAuditDue: '2027-05-01', actions: [action({ status: 'COMPLETED', overdue: false })] });
    const page = reviewPageViewModel({ codes: reviewCodes(), review, recommendations: [embedded], learning: noLearning, canManage: true });
    expect(page.recommendations[0].links.map((link) => link.text)).toEqual(['Update status', 'Add an action', 'Record re-audit']);
    expect(page.recommendations[0].actions[0].updateHref).toBeUndefined();
    const readOnly = reviewPageViewModel({ codes: reviewCodes(), review, recommendations: [embedded], learning: noLearning, canManage: false });
    expect(readOnly.recommendations[0].links).toEqual([]);
    expect(readOnly.addRecommendationHref).toBeUndefined();
    expect(readOnly.learningLinks).toEqual([]);
  });

  it('counts the similar recommendations without the new one itself', () => {
    const match = (id: string, reviewId: string, organisationCode: string, implemented: boolean) => ({ id, reviewId, organisationCode, text: 't', theme: 'INFORMATION_SHARING', status: 'IMPLEMENTED', implemented, similarity: 0.5 });
    const similar = similarViewModel(reviewCodes(), recommendation(), [match(RECOMMENDATION_ID, review.id, 'QWO', false), match('x', 'v1', 'QWO', true), match('y', 'v2', 'QOQ', false)]);
    expect({ rows: similar.rows.length, reviews: similar.reviews, organisations: similar.organisations, implemented: similar.implemented }).toEqual({ rows: 2, reviews: 2, organisations: 2, implemented: 1 });
  });
});
