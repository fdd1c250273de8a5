import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import type { Type } from '@nestjs/common';
import type { Permission } from '@scrt/contracts';
import type { MyWork, Recommendation, Review, ReviewLearning } from '../reviews/review-api.types.js';
import type { ReviewCodes } from '../reviews/review-codes.js';
import { answer, PageProbe, type Answer, type Received } from './page-routes.js';
import { recordedCase } from './recorded-case.js';
import { recordedAction, recordedRecommendation, recordedReview, reviewCodes } from './recorded-review.js';
import { testSession } from './render-page.js';

/** What the reviews service holds for a review-page spec; a spec replaces parts per test. */
export interface ReviewsHeld {
  review: Review;
  recommendations: Recommendation[];
  learning: ReviewLearning;
  myWork: MyWork;
  pastTarget: Review[];
}

export const reviewsHeld = (): ReviewsHeld => ({
  review: recordedReview(),
  recommendations: [recordedRecommendation()],
  learning: { contributoryFactors: [], lessons: [], goodPractice: [], disseminations: [] },
  myWork: { reviews: [], overdueActions: [], reAuditsDue: [] },
  pastTarget: [],
});

/** An ICB user who may manage reviews (or, with `permissions`, do less). */
export const reviewerSession = (permissions: Permission[] = ['case:read', 'review:read', 'review:manage'], tier: 'icb' | 'region' | 'national' = 'icb') =>
  testSession({ principal: { ...testSession().principal, tier, permissions } });

const REVIEWS = '/api/v1/reviews';
const CODE_LIST = /^\/api\/v1\/reference-data\/code-lists\/([a-z-]+)$/;

function read(url: string, held: ReviewsHeld): Answer | undefined {
  const list = CODE_LIST.exec(url)?.[1];
  if (list) return answer(200, { codes: reviewCodes()[list as keyof ReviewCodes] ?? [] });
  if (url.startsWith('/api/v1/cases/')) return answer(200, recordedCase({ id: url.split('/').at(-1) }));
  if (url === `${REVIEWS}/my-work`) return answer(200, held.myWork);
  if (url.startsWith(`${REVIEWS}?pastTarget=true`)) return answer(200, { items: held.pastTarget });
  if (url === `${REVIEWS}/${held.review.id}`) return answer(200, held.review);
  if (url === `${REVIEWS}/${held.review.id}/recommendations`) return answer(200, { items: held.recommendations });
  if (url === `${REVIEWS}/${held.review.id}/learning`) return answer(200, held.learning);
  return undefined;
}

/** A change accepted: the changed thing as the service answers it. */
function change(url: string, held: ReviewsHeld): Answer | undefined {
  const path = url.slice(REVIEWS.length);
  if (path === '') return answer(201, held.review);
  if (/^\/recommendations\/[^/]+\/[a-z-]+$/.test(path)) return answer(200, held.recommendations[0] ?? recordedRecommendation());
  if (path === '/actions') return answer(201, recordedAction());
  if (/^\/actions\/[^/]+\/updates$/.test(path)) return answer(200, recordedAction({ status: 'COMPLETED' }));
  if (path === `/${held.review.id}/recommendations`) return answer(201, recordedRecommendation());
  if (/^\/[^/]+\/(learning|disseminations)$/.test(path)) return answer(201, { id: 'learning-1' });
  if (/^\/[^/]+\/(stage-changes|pause|resumption|conversion)$/.test(path)) return answer(200, held.review);
  return undefined;
}

/** The services behind the review pages, answering from what `held()` says they hold. */
export const reviewServices =
  (held: () => ReviewsHeld) =>
  ({ method, url }: Received): Answer | undefined =>
    method === 'GET' ? read(url, held()) : change(url, held());

/** A review-pages route spec's state: one probe for the file, a manager's session and fresh data before each test. */
export interface ReviewPagesSpec {
  probe: PageProbe;
  held: ReviewsHeld;
}

export function reviewPagesSpec(controllers: Type[]): ReviewPagesSpec {
  const spec = { held: reviewsHeld() } as ReviewPagesSpec;
  beforeAll(async () => {
    spec.probe = await PageProbe.start(controllers, reviewServices(() => spec.held));
  });
  afterAll(() => spec.probe.close());
  beforeEach(() => {
    spec.probe.reset();
    spec.probe.session = reviewerSession();
    spec.held = reviewsHeld();
  });
  return spec;
}
