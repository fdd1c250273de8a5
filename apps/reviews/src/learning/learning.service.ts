import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ActionUpdatedV1Contract,
  LearningRecordedV1Contract,
  RecommendationRecordedV1Contract,
  RecommendationUpdatedV1Contract,
  type ActionUpdatedV1,
  type Principal,
  type RecommendationSnapshotV1,
  type RecommendationStatusV1,
} from '@scrt/contracts';
import { CodeListCopy } from '@scrt/reference-copy';
import type { IsoDate } from '@scrt/working-days';
import { Clock } from '../deadlines/clock.js';
import { assertCodeForNewRecord } from '../reviews/code-check.js';
import { ReviewAccess } from '../reviews/review-access.js';
import { dateColumn, dateColumnOrNull, isoDateOf, isoDateOrNull } from '../reviews/review-dates.js';
import { expectedVersionOf } from '../reviews/reviews.service.js';
import { ActionNotFoundError, NotTheReviewsIcbError, PreconditionFailedError, RecommendationNotFoundError, ReviewRuleError } from '../reviews/reviews.errors.js';
import type { ReviewWithHistory } from '../reviews/reviews.repository.js';
import type {
  RecordActionDto,
  RecordDisseminationDto,
  RecordLearningEmbeddedDto,
  RecordLearningItemDto,
  RecordReAuditDto,
  RecordRecommendationDto,
  RecommendationStatusChangeDto,
  SimilarRecommendationsQuery,
  UpdateActionDto,
} from './dto/learning-input.dto.js';
import type { ActionDto, RecommendationDto, RecommendationListDto, ReviewLearningDto, SimilarRecommendationsDto } from './dto/learning.dto.js';
import { FINISHED_ACTION_STATUSES, LearningRepository, type ActionRow, type RecommendationWithActions } from './learning.repository.js';

const SIMILAR_LIMIT = 10;
/** What a same-theme match adds to its text similarity (0..1): a signal, not a filter. */
const THEME_BONUS = 0.1;
const LIST_LIMIT = 500;
const NEEDS_REASON: ReadonlySet<string> = new Set(['NOT_IMPLEMENTED', 'SUPERSEDED']);

type Owner = Pick<ReviewWithHistory, 'id' | 'organisationCode' | 'regionCode'>;

const ownerOf = (review: Owner) => ({ reviewId: review.id, organisationCode: review.organisationCode, regionCode: review.regionCode });

function recommendationSnapshot(row: Omit<RecommendationWithActions, 'actions'>): RecommendationSnapshotV1 {
  return {
    reviewId: row.reviewId,
    organisationCode: row.organisationCode,
    regionCode: row.regionCode,
    recommendationId: row.id,
    version: row.version,
    theme: row.theme,
    agency: row.agency,
    dueDate: isoDateOrNull(row.dueDate),
    status: row.status as RecommendationStatusV1,
    learningEmbeddedOn: isoDateOrNull(row.learningEmbeddedOn),
    reAuditDue: isoDateOrNull(row.reAuditDue),
    reAuditRecordedOn: isoDateOrNull(row.reAuditRecordedOn),
  };
}

function actionPayload(row: ActionRow): ActionUpdatedV1 {
  return {
    reviewId: row.reviewId,
    organisationCode: row.organisationCode,
    regionCode: row.regionCode,
    actionId: row.id,
    recommendationId: row.recommendationId,
    version: row.version,
    dueDate: isoDateOf(row.dueDate),
    status: row.status,
    completedOn: isoDateOrNull(row.completedOn),
  };
}

export function toActionDto(row: ActionRow, today: IsoDate): ActionDto {
  return {
    id: row.id,
    recommendationId: row.recommendationId,
    reviewId: row.reviewId,
    organisationCode: row.organisationCode,
    regionCode: row.regionCode,
    description: row.description,
    owner: row.owner,
    dueDate: isoDateOf(row.dueDate),
    status: row.status,
    overdue: isoDateOf(row.dueDate) < today && !FINISHED_ACTION_STATUSES.includes(row.status),
    evidenceText: row.evidenceText,
    evidenceLink: row.evidenceLink,
    completedOn: isoDateOrNull(row.completedOn),
    version: row.version,
  };
}

export function toRecommendationDto(row: RecommendationWithActions, today: IsoDate): RecommendationDto {
  return {
    id: row.id,
    reviewId: row.reviewId,
    organisationCode: row.organisationCode,
    regionCode: row.regionCode,
    text: row.text,
    theme: row.theme,
    agency: row.agency,
    lead: row.lead,
    dueDate: isoDateOrNull(row.dueDate),
    status: row.status,
    statusReason: row.statusReason,
    learningEmbeddedOn: isoDateOrNull(row.learningEmbeddedOn),
    reAuditDue: isoDateOrNull(row.reAuditDue),
    reAuditOutcome: row.reAuditOutcome,
    reAuditRecordedOn: isoDateOrNull(row.reAuditRecordedOn),
    actions: row.actions.map((action) => toActionDto(action, today)),
    version: row.version,
  };
}

/**
 * The learning of reviews (issue 10 §3): recommendations and their actions, learning embedded
 * and re-audit, contributory factors, lessons, good practice, dissemination; and repeated
 * recommendations. Every change is audited and emitted through the outbox in its transaction.
 */
@Injectable()
export class LearningService {
  constructor(
    private readonly learning: LearningRepository,
    private readonly access: ReviewAccess,
    private readonly codeLists: CodeListCopy,
    private readonly clock: Clock,
  ) {}

  async recordRecommendation(reviewId: string, input: RecordRecommendationDto, principal: Principal): Promise<RecommendationDto> {
    const review = await this.openReview(reviewId, principal);
    const today = this.clock.today();
    await this.assertCode('recommendation-themes', 'theme', input.theme, today);
    await this.assertCode('agencies', 'agency', input.agency, today);
    const now = new Date();
    const row = {
      id: randomUUID(),
      ...ownerOf(review),
      text: input.text,
      theme: input.theme,
      agency: input.agency,
      lead: input.lead ?? null,
      dueDate: dateColumnOrNull(input.dueDate),
      status: 'ACCEPTED',
      statusReason: null,
      learningEmbeddedOn: null,
      reAuditDue: null,
      reAuditOutcome: null,
      reAuditRecordedOn: null,
      createdAt: now,
      createdBy: principal.subject,
      updatedAt: now,
      version: 1,
    };
    const similar = await this.similar({ text: input.text, theme: input.theme }, principal);
    await this.learning.write(principal, { action: 'create', resourceType: 'recommendation', resourceId: row.id, outcome: 'success' }, [{ contract: RecommendationRecordedV1Contract, payload: recommendationSnapshot(row) }], async (tx) => {
      await tx.recommendation.create({ data: row });
    });
    return { ...toRecommendationDto({ ...row, actions: [] }, today), similar };
  }

  async listRecommendations(reviewId: string, principal: Principal): Promise<RecommendationListDto> {
    await this.access.visibleReview(reviewId, principal, 'list');
    const today = this.clock.today();
    const rows = await this.learning.recommendationsOfReview(reviewId);
    await this.learning.recordAccess(principal, { action: 'list', resourceType: 'recommendation', resourceId: reviewId, outcome: 'success' });
    return { items: rows.map((row) => toRecommendationDto(row, today)) };
  }

  async changeStatus(id: string, ifMatch: string | undefined, input: RecommendationStatusChangeDto, principal: Principal): Promise<RecommendationDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    const recommendation = await this.changeableRecommendation(id, principal, expectedVersion);
    if (NEEDS_REASON.has(input.status) && input.reason === undefined) throw new ReviewRuleError(422, 'REASON_REQUIRED', `A recommendation ${input.status.toLowerCase().replace(/_/g, ' ')} needs its reason`, 'reason');
    return this.updateRecommendation(recommendation, expectedVersion, { status: input.status, statusReason: input.reason ?? null }, principal);
  }

  /** Once every action is complete (or no longer required): the learning is embedded, with a re-audit date. */
  async recordLearningEmbedded(id: string, ifMatch: string | undefined, input: RecordLearningEmbeddedDto, principal: Principal): Promise<RecommendationDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    const recommendation = await this.changeableRecommendation(id, principal, expectedVersion);
    const today = this.clock.today();
    if (recommendation.actions.length === 0 || recommendation.actions.some((action) => !FINISHED_ACTION_STATUSES.includes(action.status))) {
      throw new ReviewRuleError(409, 'ACTIONS_NOT_COMPLETE', 'Learning is embedded once the recommendation has actions and every one is completed (or no longer required).');
    }
    if (input.embeddedOn > today) throw new ReviewRuleError(422, 'DATE_IN_THE_FUTURE', `embeddedOn ${input.embeddedOn} is in the future`, 'embeddedOn');
    if (input.reAuditDue <= input.embeddedOn) throw new ReviewRuleError(422, 'RE_AUDIT_BEFORE_EMBEDDED', 'reAuditDue must be after embeddedOn', 'reAuditDue');
    return this.updateRecommendation(recommendation, expectedVersion, { learningEmbeddedOn: dateColumn(input.embeddedOn), reAuditDue: dateColumn(input.reAuditDue) }, principal);
  }

  async recordReAudit(id: string, ifMatch: string | undefined, input: RecordReAuditDto, principal: Principal): Promise<RecommendationDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    const recommendation = await this.changeableRecommendation(id, principal, expectedVersion);
    if (recommendation.learningEmbeddedOn === null) throw new ReviewRuleError(409, 'LEARNING_NOT_EMBEDDED', 'A re-audit follows learning embedded: record that first.');
    if (input.recordedOn > this.clock.today()) throw new ReviewRuleError(422, 'DATE_IN_THE_FUTURE', `recordedOn ${input.recordedOn} is in the future`, 'recordedOn');
    if (input.recordedOn < isoDateOf(recommendation.learningEmbeddedOn)) throw new ReviewRuleError(422, 'DATE_BEFORE_PREVIOUS_STAGE', 'recordedOn is before the learning was embedded', 'recordedOn');
    return this.updateRecommendation(recommendation, expectedVersion, { reAuditOutcome: input.outcome, reAuditRecordedOn: dateColumn(input.recordedOn) }, principal);
  }

  /** An action under a recommendation of the caller's own ICB; another organisation's recommendation is refused (422). */
  async recordAction(input: RecordActionDto, principal: Principal): Promise<ActionDto> {
    const recommendation = await this.learning.findRecommendation(input.recommendationId);
    if (!recommendation || principal.tier !== 'icb' || !(await this.access.canSee(principal, recommendation.organisationCode))) {
      throw new ReviewRuleError(422, 'RECOMMENDATION_NOT_FOUND', `No recommendation ${input.recommendationId} of your organisation: an action is recorded under your own ICB's recommendations only.`, 'recommendationId');
    }
    const now = new Date();
    const row: ActionRow = {
      id: randomUUID(),
      recommendationId: recommendation.id,
      reviewId: recommendation.reviewId,
      organisationCode: recommendation.organisationCode,
      regionCode: recommendation.regionCode,
      description: input.description,
      owner: input.owner,
      dueDate: dateColumn(input.dueDate),
      status: 'NOT_STARTED',
      evidenceText: null,
      evidenceLink: null,
      completedOn: null,
      createdAt: now,
      createdBy: principal.subject,
      updatedAt: now,
      version: 1,
    };
    await this.learning.write(principal, { action: 'create', resourceType: 'action', resourceId: row.id, outcome: 'success' }, [{ contract: ActionUpdatedV1Contract, payload: actionPayload(row) }], async (tx) => {
      await tx.recommendationAction.create({ data: row });
    });
    return toActionDto(row, this.clock.today());
  }

  async updateAction(id: string, ifMatch: string | undefined, input: UpdateActionDto, principal: Principal): Promise<ActionDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    const action = await this.learning.findAction(id);
    if (!action || !(await this.access.canSee(principal, action.organisationCode))) throw new ActionNotFoundError(id);
    if (principal.tier !== 'icb') throw new NotTheReviewsIcbError();
    if (action.version !== expectedVersion) throw new PreconditionFailedError(action.version);
    const today = this.clock.today();
    if (input.status === 'OVERDUE') throw new ReviewRuleError(422, 'STATUS_DERIVED', 'OVERDUE is derived from the due date, never set', 'status');
    await this.assertCode('action-statuses', 'status', input.status, today);
    const completed = input.status === 'COMPLETED';
    if (completed && (input.evidenceText === undefined || input.completedOn === undefined)) {
      throw new ReviewRuleError(422, 'EVIDENCE_REQUIRED', 'A completed action needs its evidence (evidenceText, optionally evidenceLink) and completedOn', input.evidenceText === undefined ? 'evidenceText' : 'completedOn');
    }
    if (!completed && input.completedOn !== undefined) throw new ReviewRuleError(422, 'COMPLETED_ON_NOT_ALLOWED', 'completedOn is given with COMPLETED only', 'completedOn');
    if (input.completedOn !== undefined && input.completedOn > today) throw new ReviewRuleError(422, 'DATE_IN_THE_FUTURE', `completedOn ${input.completedOn} is in the future`, 'completedOn');
    const data = {
      status: input.status,
      evidenceText: input.evidenceText ?? action.evidenceText,
      evidenceLink: input.evidenceLink ?? action.evidenceLink,
      completedOn: completed ? dateColumn(input.completedOn!) : null,
    };
    const after: ActionRow = { ...action, ...data, version: expectedVersion + 1, updatedAt: new Date() };
    const written = await this.learning.write(principal, { action: 'update', resourceType: 'action', resourceId: id, outcome: 'success' }, [{ contract: ActionUpdatedV1Contract, payload: actionPayload(after) }], (tx) =>
      this.learning.updateAction(tx, id, expectedVersion, data),
    );
    if (!written) throw new PreconditionFailedError((await this.learning.findAction(id))?.version ?? expectedVersion);
    return toActionDto(after, today);
  }

  async recordLearningItem(reviewId: string, input: RecordLearningItemDto, principal: Principal) {
    const review = await this.openReview(reviewId, principal);
    const today = this.clock.today();
    if (input.kind === 'contributory-factor') {
      if (input.code === undefined) throw new ReviewRuleError(422, 'CODE_REQUIRED', 'A contributory factor is a code of the contributory-factors list', 'code');
      await this.assertCode('contributory-factors', 'code', input.code, today);
    } else {
      if (input.code !== undefined) throw new ReviewRuleError(422, 'CODE_NOT_ALLOWED', `A ${input.kind} has no code`, 'code');
      if (input.text === undefined) throw new ReviewRuleError(422, 'TEXT_REQUIRED', `A ${input.kind} needs its text`, 'text');
    }
    const row = { id: randomUUID(), ...ownerOf(review), kind: input.kind, code: input.code ?? null, text: input.text ?? null, createdAt: new Date(), createdBy: principal.subject };
    const payload = { ...ownerOf(review), learningId: row.id, kind: input.kind, code: row.code, occurredOn: null, reached: null };
    await this.learning.write(principal, { action: 'create', resourceType: 'learning', resourceId: row.id, outcome: 'success' }, [{ contract: LearningRecordedV1Contract, payload }], async (tx) => {
      await tx.learningItem.create({ data: row });
    });
    return { id: row.id, kind: row.kind, code: row.code, text: row.text, createdAt: row.createdAt.toISOString() };
  }

  async recordDissemination(reviewId: string, input: RecordDisseminationDto, principal: Principal) {
    const review = await this.access.changeableReview(reviewId, principal);
    const today = this.clock.today();
    await this.assertCode('dissemination-methods', 'method', input.method, today);
    if (input.occurredOn > today) throw new ReviewRuleError(422, 'DATE_IN_THE_FUTURE', `occurredOn ${input.occurredOn} is in the future`, 'occurredOn');
    const row = { id: randomUUID(), ...ownerOf(review), method: input.method, audience: input.audience, occurredOn: dateColumn(input.occurredOn), reached: input.reached, createdAt: new Date(), createdBy: principal.subject };
    const payload = { ...ownerOf(review), learningId: row.id, kind: 'dissemination' as const, code: input.method, occurredOn: input.occurredOn, reached: input.reached };
    await this.learning.write(principal, { action: 'create', resourceType: 'learning', resourceId: row.id, outcome: 'success' }, [{ contract: LearningRecordedV1Contract, payload }], async (tx) => {
      await tx.dissemination.create({ data: row });
    });
    return { id: row.id, method: row.method, audience: row.audience, occurredOn: input.occurredOn, reached: row.reached };
  }

  async reviewLearning(reviewId: string, principal: Principal): Promise<ReviewLearningDto> {
    await this.access.visibleReview(reviewId, principal, 'read');
    const [items, disseminations] = await this.learning.learningOfReview(reviewId);
    await this.learning.recordAccess(principal, { action: 'read', resourceType: 'learning', resourceId: reviewId, outcome: 'success' });
    const dto = (kind: string) => items.filter((item) => item.kind === kind).map((item) => ({ id: item.id, kind: item.kind, code: item.code, text: item.text, createdAt: item.createdAt.toISOString() }));
    return {
      contributoryFactors: dto('contributory-factor'),
      lessons: dto('lesson'),
      goodPractice: dto('good-practice'),
      disseminations: disseminations.map((row) => ({ id: row.id, method: row.method, audience: row.audience, occurredOn: isoDateOf(row.occurredOn), reached: row.reached })),
    };
  }

  /** Repeated recommendations in the caller's scope: the closest texts, theme as a signal, how many reviews and organisations made them, how many were implemented. */
  async similar(query: SimilarRecommendationsQuery, principal: Principal, exclude?: string): Promise<SimilarRecommendationsDto> {
    const rows = await this.learning.similarRecommendations(query.text, query.theme, await this.access.visibleOrganisationCodes(principal), exclude, SIMILAR_LIMIT, THEME_BONUS);
    const matches = rows.map((row) => ({
      id: row.id,
      reviewId: row.review_id,
      organisationCode: row.organisation_code,
      regionCode: row.region_code,
      text: row.text,
      theme: row.theme,
      status: row.status,
      implemented: row.status === 'IMPLEMENTED' || row.learning_embedded_on !== null,
      similarity: Math.round(row.similarity * 1000) / 1000,
    }));
    return {
      matches,
      reviews: new Set(matches.map((match) => match.reviewId)).size,
      organisations: new Set(matches.map((match) => match.organisationCode)).size,
      implemented: matches.filter((match) => match.implemented).length,
    };
  }

  async searchSimilar(query: SimilarRecommendationsQuery, principal: Principal): Promise<SimilarRecommendationsDto> {
    const answer = await this.similar(query, principal);
    await this.learning.recordAccess(principal, { action: 'list', resourceType: 'recommendation', resourceId: 'similar', outcome: 'success' });
    return answer;
  }

  /** What "my work" adds to the reviews: overdue actions and re-audits due, in the caller's scope. */
  async outstanding(principal: Principal): Promise<{ overdueActions: ActionDto[]; reAuditsDue: RecommendationDto[] }> {
    const today = this.clock.today();
    const codes = await this.access.visibleOrganisationCodes(principal);
    const [actions, reAudits] = await Promise.all([this.learning.overdueActions(codes, today, LIST_LIMIT), this.learning.reAuditsDue(codes, today, LIST_LIMIT)]);
    return { overdueActions: actions.map((action) => toActionDto(action, today)), reAuditsDue: reAudits.map((row) => toRecommendationDto(row, today)) };
  }

  private async updateRecommendation(before: RecommendationWithActions, expectedVersion: number, data: Partial<RecommendationWithActions>, principal: Principal): Promise<RecommendationDto> {
    const after = { ...before, ...data, version: expectedVersion + 1, updatedAt: new Date() };
    const { actions: _actions, ...columns } = data;
    const written = await this.learning.write(
      principal,
      { action: 'update', resourceType: 'recommendation', resourceId: before.id, outcome: 'success' },
      [{ contract: RecommendationUpdatedV1Contract, payload: recommendationSnapshot(after) }],
      (tx) => this.learning.updateRecommendation(tx, before.id, expectedVersion, columns),
    );
    if (!written) throw new PreconditionFailedError((await this.learning.findRecommendation(before.id))?.version ?? expectedVersion);
    return toRecommendationDto(after, this.clock.today());
  }

  /** Learning is recorded on a review of the caller's ICB that is not closed for good. */
  private async openReview(reviewId: string, principal: Principal): Promise<ReviewWithHistory> {
    const review = await this.access.changeableReview(reviewId, principal);
    if (review.stage === 'CLOSED') throw new ReviewRuleError(409, 'REVIEW_CLOSED', 'The review is closed: nothing more may be recorded on it.');
    return review;
  }

  private async changeableRecommendation(id: string, principal: Principal, expectedVersion: number): Promise<RecommendationWithActions> {
    const recommendation = await this.learning.findRecommendation(id);
    if (!recommendation || !(await this.access.canSee(principal, recommendation.organisationCode))) throw new RecommendationNotFoundError(id);
    if (principal.tier !== 'icb') throw new NotTheReviewsIcbError();
    if (recommendation.version !== expectedVersion) throw new PreconditionFailedError(recommendation.version);
    return recommendation;
  }

  private assertCode(list: string, field: string, code: string, today: IsoDate): Promise<void> {
    return assertCodeForNewRecord(this.codeLists, list, field, code, today);
  }

}
