import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permissions } from '@scrt/contracts';
import { SessionService, type ResumedSession } from '../../../session/session.service.js';
import { CaseApi } from '../../cases/case-api.js';
import { referenceOf } from '../../cases/case-list/case-list.view-model.js';
import { PageAccessGuard, PagePermission, PageSession } from '../../foundation/page-access.guard.js';
import { PageNotFoundError, PagePermissionError } from '../../foundation/page.errors.js';
import { redirect } from '../../rendering/responses.js';
import { canManageReviews, CaseReviews } from '../case-reviews.js';
import { ReviewApi, type ReviewChange } from '../review-api.js';
import type { Review } from '../review-api.types.js';
import { canConvert, reviewTitle, type ReviewCodes } from '../review-codes.js';
import { idempotencyKeyOf, renderReviewForm, submitReviewForm } from '../review-form/review-form.page.js';
import type { ReviewFormDefinition } from '../review-form/form-page.view-model.js';
import { convertForm, openReviewForm, pauseForm, resumeForm, stageChangeForm } from './lifecycle.forms.js';

type Form = Record<string, unknown> | undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function idOf(id: string): string {
  if (!UUID.test(id)) throw new PageNotFoundError();
  return id.toLowerCase();
}

/** Which change each page makes, the form it shows, and whether the review's state allows it now. */
const CHANGES: Record<string, { change: ReviewChange; form: (codes: ReviewCodes, review: Review, key: string) => ReviewFormDefinition; allowed: (review: Review) => boolean; done: string }> = {
  stage: { change: 'stage-changes', form: stageChangeForm, allowed: (review) => review.stage !== 'CLOSED' && !review.paused, done: 'Stage change recorded' },
  convert: { change: 'conversion', form: convertForm, allowed: canConvert, done: 'Rapid review converted' },
  pause: { change: 'pause', form: pauseForm, allowed: (review) => review.status === 'open' && !review.paused, done: 'Review paused' },
  resume: { change: 'resumption', form: resumeForm, allowed: (review) => review.paused, done: 'Review resumed' },
};

const CHANGE_PATHS = Object.keys(CHANGES).map((change) => `reviews/:id/${change}`);
/** The last segment of a page's path: which of a controller's similar pages it is. */
export const lastSegment = (request: FastifyRequest) => request.url.split('?')[0].split('/').at(-1) ?? '';

/** The review lifecycle of an ICB's data-input users: open the review of a case, then move it on. */
@ApiExcludeController()
@Controller()
@UseGuards(PageAccessGuard)
@PagePermission(Permissions.reviewManage)
export class ReviewLifecycleController {
  constructor(
    @Inject(ReviewApi) private readonly reviews: ReviewApi,
    @Inject(CaseReviews) private readonly caseReviews: CaseReviews,
    @Inject(CaseApi) private readonly cases: CaseApi,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  @Get('cases/:id/reviews/new')
  async openForm(@PageSession() session: ResumedSession, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const record = await this.cases.get(this.manager(session), idOf(id));
    await renderReviewForm(reply, 200, openReviewForm(record.id, randomUUID()));
  }

  @Post('cases/:id/reviews/new')
  async open(@PageSession() session: ResumedSession, @Param('id') id: string, @Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const principal = this.manager(session);
    const caseId = idOf(id);
    const key = idempotencyKeyOf(body, randomUUID());
    await submitReviewForm(request, reply, this.sessions, {
      definition: openReviewForm(caseId, key),
      body,
      send: (input) => this.reviews.open(principal, { caseId, ...input }, key),
      done: (review) => ({ heading: `Review of case ${referenceOf(caseId)} opened`, href: `/cases/${caseId}#review-${review.id}` }),
    });
  }

  @Get(CHANGE_PATHS)
  async changeForm(@PageSession() session: ResumedSession, @Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const change = lastSegment(request);
    const principal = this.manager(session);
    const [review, codes] = await Promise.all([this.reviews.get(principal, idOf(id)), this.caseReviews.codes(principal)]);
    if (await this.refuse(request, reply, review, change)) return;
    await renderReviewForm(reply, 200, CHANGES[change].form(codes, review, randomUUID()));
  }

  @Post(CHANGE_PATHS)
  async makeChange(@PageSession() session: ResumedSession, @Param('id') id: string, @Body() body: Form, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const change = lastSegment(request);
    const principal = this.manager(session);
    const [review, codes] = await Promise.all([this.reviews.get(principal, idOf(id)), this.caseReviews.codes(principal)]);
    if (await this.refuse(request, reply, review, change)) return;
    const page = CHANGES[change];
    const key = idempotencyKeyOf(body, randomUUID());
    await submitReviewForm(request, reply, this.sessions, {
      definition: page.form(codes, review, key),
      body,
      send: (input, version) => this.reviews.change(principal, review.id, page.change, input, version, key),
      done: (changed) => ({ heading: `${reviewTitle(codes, review)}: ${page.done.toLowerCase()}`, href: `/cases/${review.caseId}#review-${changed.id}` }),
    });
  }

  /** A change the review's state no longer allows (closed, paused, converted): back to the case, saying so. */
  private async refuse(request: FastifyRequest, reply: FastifyReply, review: Review, change: string): Promise<boolean> {
    if (CHANGES[change].allowed(review)) return false;
    await this.sessions.flash(request, { heading: 'That change is not possible at the review\'s current stage' });
    redirect(reply, `/cases/${review.caseId}#review-${review.id}`, 303);
    return true;
  }

  private manager(session: ResumedSession) {
    if (!canManageReviews(session.principal)) throw new PagePermissionError(Permissions.reviewManage);
    return session.principal;
  }
}
