import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { CaseApi, type Outcome } from '../cases/case-api.js';
import type { Action, MyWork, Recommendation, Review, ReviewLearning, SimilarRecommendation } from './review-api.types.js';

const REVIEWS = '/api/v1/reviews';
const segment = encodeURIComponent;
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** A review's changes, each at its own path under the review (`recordReviewStageChange`...). */
export type ReviewChange = 'stage-changes' | 'pause' | 'resumption' | 'conversion';
/** A recommendation's changes under `/recommendations/{id}/`. */
export type RecommendationChange = 'status-changes' | 'learning-embedded' | 're-audit';

/**
 * The reviews API as the admin UI uses it: through the same route and internal token as any
 * client (CaseApi's), so the service applies its own scope, rules, If-Match and audit.
 */
@Injectable()
export class ReviewApi {
  constructor(@Inject(CaseApi) private readonly api: CaseApi) {}

  async ofCase(principal: Principal, caseId: string): Promise<Review[]> {
    return (await this.api.read<{ items: Review[] }>(principal, `${REVIEWS}?caseId=${segment(caseId)}&limit=200`)).items;
  }

  async pastTarget(principal: Principal): Promise<Review[]> {
    return (await this.api.read<{ items: Review[] }>(principal, `${REVIEWS}?pastTarget=true&limit=200`)).items;
  }

  get(principal: Principal, id: string): Promise<Review> {
    return this.api.read<Review>(principal, `${REVIEWS}/${segment(id)}`);
  }

  myWork(principal: Principal): Promise<MyWork> {
    return this.api.read<MyWork>(principal, `${REVIEWS}/my-work`);
  }

  async recommendations(principal: Principal, reviewId: string): Promise<Recommendation[]> {
    return (await this.api.read<{ items: Recommendation[] }>(principal, `${REVIEWS}/${segment(reviewId)}/recommendations`)).items;
  }

  learning(principal: Principal, reviewId: string): Promise<ReviewLearning> {
    return this.api.read<ReviewLearning>(principal, `${REVIEWS}/${segment(reviewId)}/learning`);
  }

  async similar(principal: Principal, text: string, theme: string): Promise<SimilarRecommendation[]> {
    const query = new URLSearchParams({ text, theme });
    return (await this.api.read<{ matches: SimilarRecommendation[] }>(principal, `${REVIEWS}/recommendations/similar?${query}`)).matches;
  }

  /** One key per form: a resubmitted form opens the review once. */
  open(principal: Principal, body: object, idempotencyKey: string = randomUUID()): Promise<Outcome<Review>> {
    return this.api.send<Review>(principal, 'POST', REVIEWS, body, { 'idempotency-key': idempotencyKey });
  }

  change(principal: Principal, reviewId: string, change: ReviewChange, body: object, version: number, idempotencyKey: string = randomUUID()): Promise<Outcome<Review>> {
    const headers = change === 'conversion' ? { ...ifMatch(version), 'idempotency-key': idempotencyKey } : ifMatch(version);
    return this.api.send<Review>(principal, 'POST', `${REVIEWS}/${segment(reviewId)}/${change}`, body, headers);
  }

  recordRecommendation(principal: Principal, reviewId: string, body: object): Promise<Outcome<Recommendation>> {
    return this.api.send<Recommendation>(principal, 'POST', `${REVIEWS}/${segment(reviewId)}/recommendations`, body);
  }

  changeRecommendation(principal: Principal, id: string, change: RecommendationChange, body: object, version: number): Promise<Outcome<Recommendation>> {
    return this.api.send<Recommendation>(principal, 'POST', `${REVIEWS}/recommendations/${segment(id)}/${change}`, body, ifMatch(version));
  }

  recordAction(principal: Principal, body: object): Promise<Outcome<Action>> {
    return this.api.send<Action>(principal, 'POST', `${REVIEWS}/actions`, body);
  }

  updateAction(principal: Principal, id: string, body: object, version: number): Promise<Outcome<Action>> {
    return this.api.send<Action>(principal, 'POST', `${REVIEWS}/actions/${segment(id)}/updates`, body, ifMatch(version));
  }

  recordLearning(principal: Principal, reviewId: string, kind: 'learning' | 'disseminations', body: object): Promise<Outcome<unknown>> {
    return this.api.send<unknown>(principal, 'POST', `${REVIEWS}/${segment(reviewId)}/${kind}`, body);
  }
}
