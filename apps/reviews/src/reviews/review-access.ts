import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import type { AuditEntry } from '@scrt/persistence';
import { OrganisationHierarchyCopy } from '@scrt/reference-copy';
import { Clock } from '../deadlines/clock.js';
import { NotTheReviewsIcbError, ReviewNotFoundError } from './reviews.errors.js';
import { ReviewsRepository, type ReviewWithHistory } from './reviews.repository.js';

/**
 * Who may see and change what, by the organisation hierarchy in force today (the service's copy):
 * a record keeps the code it was submitted under and is seen by the ICB that code rolls up to
 * now, its region and national users; it is changed by that ICB only.
 */
@Injectable()
export class ReviewAccess {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly hierarchy: OrganisationHierarchyCopy,
    private readonly clock: Clock,
  ) {}

  async canSee(principal: Principal, organisationCode: string): Promise<boolean> {
    if (principal.tier === 'national') return true;
    return (await this.hierarchy.hierarchy()).canSeeRecord({ tier: principal.tier, organisationCode: principal.organisationCode }, organisationCode, this.clock.today());
  }

  /** The organisation codes whose records the caller sees (undefined: all, for national users). */
  async visibleOrganisationCodes(principal: Principal): Promise<string[] | undefined> {
    if (principal.tier === 'national') return undefined;
    const today = this.clock.today();
    const hierarchy = await this.hierarchy.hierarchy();
    const rollUp = hierarchy.rollUp(principal.organisationCode, today);
    const scope = (principal.tier === 'region' ? rollUp.regionOdsCode : rollUp.icbOdsCode) ?? principal.organisationCode;
    return hierarchy.recordCodesRollingUpTo(scope, today);
  }

  /** Out-of-scope and missing reviews look the same (404), so existence does not leak; both are audited. */
  async visibleReview(id: string, principal: Principal, action: AuditEntry['action']): Promise<ReviewWithHistory> {
    const review = await this.reviews.findById(id);
    if (!review || !(await this.canSee(principal, review.organisationCode))) {
      await this.reviews.recordAccess(principal, { action, resourceType: 'review', resourceId: id, outcome: review ? 'denied' : 'not-found' });
      throw new ReviewNotFoundError(id);
    }
    return review;
  }

  /** Visible, and the caller acts for the ICB the review's case rolls up to. */
  async changeableReview(id: string, principal: Principal): Promise<ReviewWithHistory> {
    const review = await this.visibleReview(id, principal, 'update');
    if (principal.tier !== 'icb') throw new NotTheReviewsIcbError();
    return review;
  }
}
