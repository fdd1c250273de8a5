import { Inject, Injectable } from '@nestjs/common';
import { Permissions, type Principal } from '@scrt/contracts';
import type { CaseRecord } from '../cases/case-api.types.js';
import { ReferenceLists } from '../cases/reference-lists.js';
import { ReviewApi } from './review-api.js';
import { REVIEW_CODE_LISTS, type ReviewCodes } from './review-codes.js';
import { reviewTimelineViewModel } from './review-timeline/review-timeline.view-model.js';

/** Reviews are changed by their case's ICB only (the service refuses regional and national users). */
export const canManageReviews = (principal: Principal) => principal.tier === 'icb' && principal.permissions.includes(Permissions.reviewManage);

/** The review pages' code lists and reads, shared by their controllers and the case page. */
@Injectable()
export class CaseReviews {
  constructor(
    @Inject(ReviewApi) private readonly reviews: ReviewApi,
    @Inject(ReferenceLists) private readonly lists: ReferenceLists,
  ) {}

  codes(principal: Principal): Promise<ReviewCodes> {
    return this.lists.codes(principal, REVIEW_CODE_LISTS);
  }

  /** The case page's "Reviews" section, or nothing for a user who may not read reviews. */
  async section(principal: Principal, record: CaseRecord) {
    if (!principal.permissions.includes(Permissions.reviewRead)) return undefined;
    const [reviews, codes] = await Promise.all([this.reviews.ofCase(principal, record.id), this.codes(principal)]);
    const canManage = canManageReviews(principal);
    return {
      timelines: reviews.map((review) => reviewTimelineViewModel(codes, review, canManage)),
      openHref: canManage && record.status === 'open' && reviews.length === 0 ? `/cases/${record.id}/reviews/new` : undefined,
    };
  }
}
