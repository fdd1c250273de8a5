import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Permissions } from '@scrt/contracts';
import type { ResumedSession } from '../../../session/session.service.js';
import { PageAccessGuard, PagePermission, PageSession } from '../../foundation/page-access.guard.js';
import { renderPage } from '../../rendering/responses.js';
import { CaseReviews } from '../case-reviews.js';
import { ReviewApi } from '../review-api.js';
import { myWorkViewModel } from './my-work.view-model.js';

/** "My work": what needs attention in the user's scope; regional and national users also see every review past its target. */
@ApiExcludeController()
@Controller('my-work')
@UseGuards(PageAccessGuard)
@PagePermission(Permissions.reviewRead)
export class MyWorkController {
  constructor(
    @Inject(ReviewApi) private readonly reviews: ReviewApi,
    @Inject(CaseReviews) private readonly caseReviews: CaseReviews,
  ) {}

  @Get()
  async myWork(@PageSession() session: ResumedSession, @Res() reply: FastifyReply): Promise<void> {
    const { principal } = session;
    const [work, codes, pastTarget] = await Promise.all([
      this.reviews.myWork(principal),
      this.caseReviews.codes(principal),
      principal.tier === 'icb' ? undefined : this.reviews.pastTarget(principal),
    ]);
    await renderPage(reply, 200, 'reviews/my-work.njk', { work: myWorkViewModel(codes, principal, work, pastTarget) });
  }
}
