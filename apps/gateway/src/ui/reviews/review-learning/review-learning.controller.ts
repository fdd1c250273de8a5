import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permissions, type Principal } from '@scrt/contracts';
import { SessionService, type ResumedSession } from '../../../session/session.service.js';
import type { Outcome } from '../../cases/case-api.js';
import { PageAccessGuard, PagePermission, PageSession } from '../../foundation/page-access.guard.js';
import { PageNotFoundError, PagePermissionError } from '../../foundation/page.errors.js';
import { renderPage } from '../../rendering/responses.js';
import { canManageReviews, CaseReviews } from '../case-reviews.js';
import { ReviewApi } from '../review-api.js';
import type { Recommendation, Review } from '../review-api.types.js';
import type { ReviewCodes } from '../review-codes.js';
import type { ReviewFormDefinition } from '../review-form/form-page.view-model.js';
import { renderReviewForm, submitReviewForm } from '../review-form/review-form.page.js';
import { idOf, lastSegment } from '../review-lifecycle/review-lifecycle.controller.js';
import { actionForm, actionUpdateForm, LEARNING_KINDS, learningEmbeddedForm, learningForm, reAuditForm, recommendationForm, recommendationStatusForm, type LearningKind } from './learning.forms.js';
import { reviewPageViewModel, similarViewModel } from './review-page.view-model.js';

type Form = Record<string, unknown> | undefined;
type Input = Record<string, string | number>;
type Context = { principal: Principal; review: Review; codes: ReviewCodes; recommendations: Recommendation[] };

/** A form page of the review page: the form as it stands, what it sends, and the banner after. */
interface LearningPage {
  definition: ReviewFormDefinition;
  send: (input: Input, version: number) => Promise<Outcome<unknown>>;
  heading: string;
  next?: (value: unknown) => string;
}

const RECOMMENDATION_PAGES = ['status', 'actions', 'learning-embedded', 're-audit'] as const;

/** A review's own page and its learning: recommendations, actions, lessons, good practice, contributory factors, dissemination. */
@ApiExcludeController()
@Controller('reviews/:id')
@UseGuards(PageAccessGuard)
@PagePermission(Permissions.reviewRead)
export class ReviewLearningController {
  constructor(
    @Inject(ReviewApi) private readonly reviews: ReviewApi,
    @Inject(CaseReviews) private readonly caseReviews: CaseReviews,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  @Get()
  async reviewPage(@PageSession() session: ResumedSession, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { principal, review, codes, recommendations } = await this.context(session, id);
    const learning = await this.reviews.learning(principal, review.id);
    const page = reviewPageViewModel({ codes, review, recommendations, learning, canManage: canManageReviews(principal) });
    await renderPage(reply, 200, 'reviews/review.njk', { page });
  }

  @Get('recommendations/:recommendationId/similar')
  async similar(@PageSession() session: ResumedSession, @Param('id') id: string, @Param('recommendationId') recommendationId: string, @Res() reply: FastifyReply): Promise<void> {
    const { principal, codes, recommendations } = await this.context(session, id);
    const recommendation = found(recommendations.find((candidate) => candidate.id === idOf(recommendationId)));
    const matches = await this.reviews.similar(principal, recommendation.text, recommendation.theme);
    await renderPage(reply, 200, 'reviews/similar.njk', { similar: similarViewModel(codes, recommendation, matches) });
  }

  @Get(['recommendations/new', ...RECOMMENDATION_PAGES.map((page) => `recommendations/:recommendationId/${page}`), 'actions/:actionId/update', 'learning/:kind'])
  @PagePermission(Permissions.reviewManage)
  async form(@PageSession() session: ResumedSession, @Param() params: Record<string, string>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await renderReviewForm(reply, 200, (await this.page(session, params, request)).definition);
  }

  @Post(['recommendations/new', ...RECOMMENDATION_PAGES.map((page) => `recommendations/:recommendationId/${page}`), 'actions/:actionId/update', 'learning/:kind'])
  @PagePermission(Permissions.reviewManage)
  async submit(@PageSession() session: ResumedSession, @Param() params: Record<string, string>, @Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = await this.page(session, params, request);
    const reviewHref = `/reviews/${idOf(params.id)}`;
    await submitReviewForm(request, reply, this.sessions, { definition: page.definition, body, send: page.send, done: (value) => ({ heading: page.heading, href: page.next?.(value) ?? reviewHref }) });
  }

  /** The form page a path names, read afresh (a conflict shows the current version). */
  private async page(session: ResumedSession, params: Record<string, string>, request: FastifyRequest): Promise<LearningPage> {
    const context = await this.context(session, params.id);
    const { principal, review, codes, recommendations } = context;
    if (!canManageReviews(principal)) throw new PagePermissionError(Permissions.reviewManage);
    if (params.kind !== undefined) {
      if (!(params.kind in LEARNING_KINDS)) throw new PageNotFoundError();
      const kind = params.kind as LearningKind;
      return {
        definition: learningForm(codes, review, kind),
        send: (input) => this.reviews.recordLearning(principal, review.id, kind === 'dissemination' ? 'disseminations' : 'learning', kind === 'dissemination' ? input : { kind, ...input }),
        heading: `${LEARNING_KINDS[kind].noun} recorded`,
      };
    }
    if (params.actionId !== undefined) {
      const action = found(recommendations.flatMap((recommendation) => recommendation.actions).find((candidate) => candidate.id === idOf(params.actionId)));
      return { definition: actionUpdateForm(codes, review, action), send: (input, version) => this.reviews.updateAction(principal, action.id, input, version), heading: 'Action updated' };
    }
    if (params.recommendationId === undefined) {
      return {
        definition: recommendationForm(codes, review),
        send: (input) => this.reviews.recordRecommendation(principal, review.id, input),
        heading: 'Recommendation added',
        next: (value) => `/reviews/${review.id}/recommendations/${(value as Recommendation).id}/similar`,
      };
    }
    const recommendation = found(recommendations.find((candidate) => candidate.id === idOf(params.recommendationId)));
    const change = (form: typeof recommendationStatusForm, path: 'status-changes' | 'learning-embedded' | 're-audit', heading: string): LearningPage => ({
      definition: form(codes, review, recommendation),
      send: (input, version) => this.reviews.changeRecommendation(principal, recommendation.id, path, input, version),
      heading,
    });
    switch (lastSegment(request)) {
      case 'status':
        return change(recommendationStatusForm, 'status-changes', 'Recommendation status updated');
      case 'learning-embedded':
        return change(learningEmbeddedForm, 'learning-embedded', 'Learning recorded as embedded');
      case 're-audit':
        return change(reAuditForm, 're-audit', 'Re-audit recorded');
      default:
        return { definition: actionForm(codes, review, recommendation), send: (input) => this.reviews.recordAction(principal, { recommendationId: recommendation.id, ...input }), heading: 'Action added' };
    }
  }

  private async context(session: ResumedSession, id: string): Promise<Context> {
    const { principal } = session;
    const reviewId = idOf(id);
    const [review, codes, recommendations] = await Promise.all([this.reviews.get(principal, reviewId), this.caseReviews.codes(principal), this.reviews.recommendations(principal, reviewId)]);
    return { principal, review, codes, recommendations };
  }
}

function found<T>(value: T | undefined): T {
  if (value === undefined) throw new PageNotFoundError();
  return value;
}
