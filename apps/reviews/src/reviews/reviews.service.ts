import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  isRapidReview,
  RAPID_REVIEW_TYPE,
  ReviewCreatedV1Contract,
  ReviewStageChangedV1Contract,
  ReviewUpdatedV1Contract,
  type Principal,
  statusOfStage,
  type ReviewStage,
  type ReviewStageV1,
} from '@scrt/contracts';
import { IdempotencyKeyInProgressError, IdempotencyKeyReusedError, ValidationFailedError } from '@scrt/http';
import type { AuditEntry } from '@scrt/persistence';
import { CodeListCopy } from '@scrt/reference-copy';
import type { IsoDate } from '@scrt/working-days';
import { CaseCopyRepository } from '../case-copy/case-copy.repository.js';
import { Clock } from '../deadlines/clock.js';
import { targetMetBy, type ClockState, type ReviewTimeline } from '../deadlines/deadline-engine.js';
import { DeadlinesService, type DeadlineInputs } from '../deadlines/deadlines.service.js';
import type { ConvertReviewDto, CreateReviewDto, PauseReviewDto, RecordStageChangeDto, ResumeReviewDto } from './dto/review-input.dto.js';
import type { ReviewDto, ReviewListDto } from './dto/review.dto.js';
import { assertCodeForNewRecord } from './code-check.js';
import { ReviewAccess } from './review-access.js';
import { assertDateInOrder, assertNotClosed, assertStageChange } from './review-rules.js';
import { dateColumn, dateColumnOrNull, isoDateOf } from './review-dates.js';
import { reviewSnapshot, toReviewDto } from './review-snapshot.js';
import {
  NotTheReviewsIcbError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ReviewRuleError,
} from './reviews.errors.js';
import { DUPLICATE, KEY_TAKEN, ReviewsRepository, STALE, type ChangePlan, type PendingEvent, type ReviewRow, type ReviewWithHistory, type ReviewWrite } from './reviews.repository.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;
const IF_MATCH = /^\s*"(\d{1,9})"\s*$/;
const OPEN_STAGES: ReviewStage[] = ['NOTIFIED', 'RAPID_REVIEW', 'DECISION', 'IN_PROGRESS'];
/** The open reviews "my work" looks through: far more than one ICB has open at once. */
const MY_WORK_LIMIT = 5000;

export interface ListReviewsFilter {
  caseId?: string;
  status?: 'open' | 'closed';
  /** Only reviews whose running target is breached (red). */
  pastTarget?: boolean;
  limit: number;
  cursor?: string;
}

/** The review after a change, before it is written: what events and the deadline engine see. */
interface Changed {
  row: ReviewRow;
  history: ReviewWithHistory;
}

/** The version an `If-Match` header names; 428 without one. */
export function expectedVersionOf(ifMatch: string | undefined): number {
  if (ifMatch === undefined) throw new PreconditionRequiredError();
  const match = IF_MATCH.exec(ifMatch);
  if (!match) throw new ValidationFailedError([{ field: 'If-Match', code: 'MATCHES', message: 'If-Match must be the review\'s ETag: its version in double quotes, e.g. "3"' }]);
  return Number(match[1]);
}

/**
 * Reviews and their lifecycle (issue 10 §1, §4): every rule is checked before anything is
 * written; a change, its history, its deadline alerts, its events and its audit record are
 * written in one transaction.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly cases: CaseCopyRepository,
    private readonly codeLists: CodeListCopy,
    private readonly access: ReviewAccess,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateReviewDto, principal: Principal, idempotencyKey?: string): Promise<{ dto: ReviewDto; created: boolean }> {
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    if (idempotencyKey !== undefined) {
      const replay = await this.replay(principal, idempotencyKey, requestHash);
      if (replay) return { dto: replay, created: false };
    }
    const today = this.clock.today();
    const known = await this.cases.findCase(input.caseId);
    if (!known || !(await this.access.canSee(principal, known.organisationCode))) {
      throw new ReviewRuleError(422, 'CASE_NOT_FOUND', `No case ${input.caseId} known to reviews is visible to you.`, 'caseId');
    }
    if (principal.tier !== 'icb') throw new NotTheReviewsIcbError();
    if (known.withdrawn) throw new ReviewRuleError(409, 'CASE_WITHDRAWN', 'The case was withdrawn: it gets no review.', 'caseId');
    const incidentDate = isoDateOf(known.incidentDate);
    if (input.notifiedOn > today) throw new ReviewRuleError(422, 'DATE_IN_THE_FUTURE', `notifiedOn ${input.notifiedOn} is in the future`, 'notifiedOn');
    if (input.notifiedOn < incidentDate) throw new ReviewRuleError(422, 'DATE_BEFORE_INCIDENT', `notifiedOn ${input.notifiedOn} is before the incident (${incidentDate})`, 'notifiedOn');
    if (await this.reviews.findInitialOfCase(input.caseId)) throw new ReviewRuleError(409, 'REVIEW_EXISTS', 'The case has its review already.', 'caseId');

    const now = new Date();
    const row: ReviewRow = {
      id: randomUUID(),
      caseId: known.caseId,
      organisationCode: known.organisationCode,
      regionCode: known.regionCode,
      reviewType: known.reviewType,
      stage: 'NOTIFIED',
      subStage: null,
      stageDate: dateColumn(input.notifiedOn),
      convertedFromId: null,
      convertedToId: null,
      signedOffOn: null,
      publicationState: null,
      publishedOn: null,
      reportLink: null,
      embargoUntil: null,
      pausedOn: null,
      pauseReason: null,
      createdAt: now,
      createdBy: principal.subject,
      updatedAt: now,
      version: 1,
    };
    const changed = this.withStage({ ...row, stageChanges: [], pauses: [] }, row, 'NOTIFIED', null, input.notifiedOn, principal);
    const inputs = await this.deadlines.inputs();
    const clocks = this.deadlines.clocks(this.timelineOf(changed.history, incidentDate), inputs, today);
    const outcome = await this.reviews.apply(
      {
        reviews: [{ row, stageChange: { stage: 'NOTIFIED', subStage: null, occurredOn: input.notifiedOn }, alerts: this.alertsOf(changed, incidentDate, inputs, today) }],
        events: [{ contract: ReviewCreatedV1Contract, payload: { review: reviewSnapshot(row), targetOn: targetMetBy(clocks, 'NOTIFIED') } }],
        audit: { action: 'create', resourceType: 'review', resourceId: row.id, outcome: 'success' },
        idempotency: idempotencyKey ? { organisationCode: principal.organisationCode, key: idempotencyKey, requestHash, resourceId: row.id } : undefined,
      },
      principal,
    );
    if (outcome === KEY_TAKEN) return { dto: await this.replayAfterRace(principal, idempotencyKey!, requestHash), created: false };
    if (outcome === DUPLICATE) throw new ReviewRuleError(409, 'REVIEW_EXISTS', 'The case has its review already.', 'caseId');
    return { dto: toReviewDto(changed.history, clocks), created: true };
  }

  /** Out-of-scope and missing reviews look the same, so existence does not leak. */
  async get(id: string, principal: Principal): Promise<ReviewDto> {
    const review = await this.access.visibleReview(id, principal, 'read');
    await this.reviews.recordAccess(principal, { action: 'read', resourceType: 'review', resourceId: id, outcome: 'success' });
    return this.dtoOf(review, await this.incidentDateOf(review), await this.deadlines.inputs(), this.clock.today());
  }

  async list(filter: ListReviewsFilter, principal: Principal): Promise<ReviewListDto> {
    const today = this.clock.today();
    const organisationCodes = await this.access.visibleOrganisationCodes(principal);
    const rows = await this.reviews.list({ organisationCodes, caseId: filter.caseId, status: filter.status, openStages: OPEN_STAGES }, filter.limit, filter.cursor);
    const inputs = await this.deadlines.inputs();
    const items: ReviewDto[] = [];
    for (const row of rows) items.push(await this.dtoOf(row, await this.incidentDateOf(row), inputs, today));
    await this.reviews.recordAccess(principal, { action: 'list', resourceType: 'review', outcome: 'success' });
    const shown = filter.pastTarget ? items.filter((item) => item.clocks.some((clock) => clock.rag === 'red')) : items;
    return { items: shown, nextCursor: rows.length === filter.limit ? rows[rows.length - 1].id : null };
  }

  /** "My work": the open reviews in the caller's scope whose running target is due soon (amber) or breached (red), most urgent first. */
  async myWork(principal: Principal): Promise<ReviewDto[]> {
    const today = this.clock.today();
    const organisationCodes = await this.access.visibleOrganisationCodes(principal);
    const rows = await this.reviews.list({ organisationCodes, status: 'open', openStages: OPEN_STAGES }, MY_WORK_LIMIT);
    const inputs = await this.deadlines.inputs();
    const urgent: { dto: ReviewDto; left: number }[] = [];
    for (const row of rows) {
      const dto = await this.dtoOf(row, await this.incidentDateOf(row), inputs, today);
      const running = dto.clocks.find((clock) => clock.rag === 'amber' || clock.rag === 'red');
      if (running) urgent.push({ dto, left: running.workingDaysLeft ?? 0 });
    }
    await this.reviews.recordAccess(principal, { action: 'list', resourceType: 'review', resourceId: 'my-work', outcome: 'success' });
    return urgent.sort((a, b) => a.left - b.left).map((entry) => entry.dto);
  }

  async recordStageChange(id: string, ifMatch: string | undefined, input: RecordStageChangeDto, principal: Principal): Promise<ReviewDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    const review = await this.changeableReview(id, principal, expectedVersion);
    const today = this.clock.today();
    assertStageChange(this.stateOf(review), input, today);
    if (input.publicationState !== undefined) await this.assertCode('publication-states', 'publicationState', input.publicationState, today);
    const row: ReviewRow = {
      ...this.nextVersion(review),
      stage: input.stage,
      subStage: input.stage === 'IN_PROGRESS' ? (input.subStage ?? null) : null,
      stageDate: dateColumn(input.occurredOn),
      ...(input.stage === 'SIGNED_OFF' ? { signedOffOn: dateColumn(input.occurredOn) } : {}),
      ...(input.stage === 'PUBLISHED'
        ? {
            publicationState: input.publicationState!,
            publishedOn: input.publicationState === 'PUBLISHED' ? dateColumn(input.occurredOn) : null,
            reportLink: input.reportLink ?? null,
            embargoUntil: dateColumnOrNull(input.embargoUntil),
          }
        : {}),
    };
    const changed = this.withStage(review, row, input.stage, row.subStage, input.occurredOn, principal);
    const events = (clocks: ClockState[]): PendingEvent[] => [
      {
        contract: ReviewStageChangedV1Contract,
        payload: { fromStage: review.stage as ReviewStageV1, toStage: input.stage, occurredOn: input.occurredOn, targetOn: targetMetBy(clocks, input.stage), review: reviewSnapshot(row) },
      },
    ];
    return this.write(changed, today, { stageChange: { stage: input.stage, subStage: row.subStage, occurredOn: input.occurredOn } }, events, expectedVersion, principal);
  }

  async pause(id: string, ifMatch: string | undefined, input: PauseReviewDto, principal: Principal): Promise<ReviewDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    const review = await this.changeableReview(id, principal, expectedVersion);
    const today = this.clock.today();
    const state = this.stateOf(review);
    assertNotClosed(state);
    if (statusOfStage(state.stage) === 'closed') throw new ReviewRuleError(409, 'REVIEW_NOT_OPEN', 'Only an open review has a clock to pause.');
    if (state.paused) throw new ReviewRuleError(409, 'REVIEW_ALREADY_PAUSED', 'The review is paused already.');
    assertDateInOrder('pausedOn', input.pausedOn, state, today);
    await this.assertCode('pause-reasons', 'reason', input.reason, today);
    const row: ReviewRow = { ...this.nextVersion(review), pausedOn: dateColumn(input.pausedOn), pauseReason: input.reason };
    const changed: Changed = { row, history: { ...review, ...row, pauses: [...review.pauses, { id: '', reviewId: id, reason: input.reason, pausedOn: row.pausedOn!, resumedOn: null, recordedBy: principal.subject, recordedAt: new Date() }] } };
    return this.write(changed, today, { pauseStarted: { reason: input.reason, pausedOn: input.pausedOn } }, [this.updated(row, ['paused', 'pauseReason'])], expectedVersion, principal);
  }

  async resume(id: string, ifMatch: string | undefined, input: ResumeReviewDto, principal: Principal): Promise<ReviewDto> {
    const expectedVersion = expectedVersionOf(ifMatch);
    const review = await this.changeableReview(id, principal, expectedVersion);
    const today = this.clock.today();
    assertNotClosed(this.stateOf(review));
    if (review.pausedOn === null) throw new ReviewRuleError(409, 'REVIEW_NOT_PAUSED', 'The review is not paused.');
    const pausedOn = isoDateOf(review.pausedOn);
    if (input.resumedOn > today) throw new ReviewRuleError(422, 'DATE_IN_THE_FUTURE', `resumedOn ${input.resumedOn} is in the future`, 'resumedOn');
    if (input.resumedOn < pausedOn) throw new ReviewRuleError(422, 'DATE_BEFORE_PREVIOUS_STAGE', `resumedOn ${input.resumedOn} is before the pause began (${pausedOn})`, 'resumedOn');
    const row: ReviewRow = { ...this.nextVersion(review), pausedOn: null, pauseReason: null };
    const resumedOn = dateColumn(input.resumedOn);
    const changed: Changed = { row, history: { ...review, ...row, pauses: review.pauses.map((pause) => (pause.resumedOn === null ? { ...pause, resumedOn } : pause)) } };
    return this.write(changed, today, { resumedOn: input.resumedOn }, [this.updated(row, ['paused', 'pauseReason'])], expectedVersion, principal);
  }

  /**
   * A rapid review at its decision becomes a full review (CSPR, SAR, DHR...): a new review of the
   * same case and organisation starts at DECISION on the decision date, linked both ways, and
   * the rapid review closes on that date, keeping its own dates.
   */
  async convert(id: string, ifMatch: string | undefined, input: ConvertReviewDto, principal: Principal, idempotencyKey?: string): Promise<{ dto: ReviewDto; created: boolean }> {
    const requestHash = createHash('sha256').update(JSON.stringify({ id, ...input })).digest('hex');
    if (idempotencyKey !== undefined) {
      const replay = await this.replay(principal, idempotencyKey, requestHash);
      if (replay) return { dto: replay, created: false };
    }
    const expectedVersion = expectedVersionOf(ifMatch);
    const rapid = await this.changeableReview(id, principal, expectedVersion);
    const today = this.clock.today();
    const state = this.stateOf(rapid);
    assertNotClosed(state);
    if (!isRapidReview(rapid.reviewType)) throw new ReviewRuleError(409, 'NOT_A_RAPID_REVIEW', 'Only a rapid review is converted.');
    if (rapid.convertedToId !== null) throw new ReviewRuleError(409, 'ALREADY_CONVERTED', 'The rapid review was converted already.');
    if (rapid.stage !== 'DECISION') throw new ReviewRuleError(409, 'CONVERSION_BEFORE_DECISION', 'A rapid review is converted at its decision: record the DECISION stage first.');
    if (input.reviewType === RAPID_REVIEW_TYPE) throw new ReviewRuleError(422, 'CONVERSION_TYPE_NOT_ALLOWED', 'A rapid review converts to a full review type (CSPR, SAR, DHR...), not to another rapid review.', 'reviewType');
    await this.assertCode('review-types', 'reviewType', input.reviewType, today);
    assertDateInOrder('decidedOn', input.decidedOn, state, today);

    const now = new Date();
    const converted: ReviewRow = {
      ...rapid,
      id: randomUUID(),
      reviewType: input.reviewType,
      stage: 'DECISION',
      subStage: null,
      stageDate: dateColumn(input.decidedOn),
      convertedFromId: rapid.id,
      convertedToId: null,
      pausedOn: null,
      pauseReason: null,
      createdAt: now,
      createdBy: principal.subject,
      updatedAt: now,
      version: 1,
    };
    delete (converted as Partial<ReviewWithHistory>).stageChanges;
    delete (converted as Partial<ReviewWithHistory>).pauses;
    const closedRapid: ReviewRow = { ...this.nextVersion(rapid), stage: 'CLOSED', subStage: null, stageDate: dateColumn(input.decidedOn), convertedToId: converted.id };
    const incidentDate = await this.incidentDateOf(rapid);
    const inputs = await this.deadlines.inputs();
    const newReview = this.withStage({ ...converted, stageChanges: [], pauses: [] }, converted, 'DECISION', null, input.decidedOn, principal);
    const rapidAfter = this.withStage(rapid, closedRapid, 'CLOSED', null, input.decidedOn, principal);
    const outcome = await this.reviews.apply(
      {
        reviews: [
          { row: closedRapid, expectedVersion, stageChange: { stage: 'CLOSED', subStage: null, occurredOn: input.decidedOn }, alerts: [] },
          { row: converted, stageChange: { stage: 'DECISION', subStage: null, occurredOn: input.decidedOn }, alerts: this.alertsOf(newReview, incidentDate, inputs, today) },
        ],
        events: [
          { contract: ReviewStageChangedV1Contract, payload: { fromStage: 'DECISION', toStage: 'CLOSED', occurredOn: input.decidedOn, review: reviewSnapshot(rapidAfter.row) } },
          { contract: ReviewCreatedV1Contract, payload: { review: reviewSnapshot(converted) } },
        ],
        audit: { action: 'create', resourceType: 'review', resourceId: converted.id, outcome: 'success' },
        idempotency: idempotencyKey ? { organisationCode: principal.organisationCode, key: idempotencyKey, requestHash, resourceId: converted.id } : undefined,
      },
      principal,
    );
    if (outcome === KEY_TAKEN) return { dto: await this.replayAfterRace(principal, idempotencyKey!, requestHash), created: false };
    if (outcome === STALE) throw new PreconditionFailedError((await this.reviews.findById(id))?.version ?? expectedVersion);
    if (outcome === DUPLICATE) throw new ReviewRuleError(409, 'ALREADY_CONVERTED', 'The rapid review was converted already.');
    return { dto: await this.dtoOf(newReview.history, incidentDate, inputs, today), created: true };
  }

  /** `events`: the events of the change, or a function of the review's clocks after it (a stage change carries the target it met). */
  private async write(changed: Changed, today: IsoDate, history: Omit<ReviewWrite, 'row'>, events: PendingEvent[] | ((clocks: ClockState[]) => PendingEvent[]), expectedVersion: number, principal: Principal): Promise<ReviewDto> {
    const incidentDate = await this.incidentDateOf(changed.row);
    const inputs = await this.deadlines.inputs();
    const clocks = this.deadlines.clocks(this.timelineOf(changed.history, incidentDate), inputs, today);
    const audit: AuditEntry = { action: 'update', resourceType: 'review', resourceId: changed.row.id, outcome: 'success' };
    const pending = typeof events === 'function' ? events(clocks) : events;
    const plan: ChangePlan = { reviews: [{ row: changed.row, expectedVersion, ...history, alerts: this.alertsOf(changed, incidentDate, inputs, today) }], events: pending, audit };
    const outcome = await this.reviews.apply(plan, principal);
    if (outcome === STALE) throw new PreconditionFailedError((await this.reviews.findById(changed.row.id))?.version ?? expectedVersion);
    if (outcome !== true) throw new Error(`unexpected outcome ${String(outcome.description)} of a review update`);
    return toReviewDto(changed.history, clocks);
  }

  private updated(row: ReviewRow, changedFields: string[]): PendingEvent {
    return { contract: ReviewUpdatedV1Contract, payload: { changedFields, review: reviewSnapshot(row) } };
  }

  private nextVersion(review: ReviewWithHistory): ReviewRow {
    const { stageChanges: _stages, pauses: _pauses, ...row } = review;
    return { ...row, version: review.version + 1, updatedAt: new Date() };
  }

  private withStage(review: ReviewWithHistory, row: ReviewRow, stage: string, subStage: string | null, occurredOn: IsoDate, principal: Principal): Changed {
    const entry = { id: '', reviewId: row.id, sequence: review.stageChanges.length + 1, stage, subStage, occurredOn: dateColumn(occurredOn), recordedAt: new Date(), recordedBy: principal.subject };
    return { row, history: { ...review, ...row, stageChanges: [...review.stageChanges, entry] } };
  }

  private stateOf(review: ReviewRow) {
    return { reviewType: review.reviewType, stage: review.stage as ReviewStage, subStage: review.subStage, stageDate: isoDateOf(review.stageDate), paused: review.pausedOn !== null };
  }

  private timelineOf(review: ReviewWithHistory, incidentDate: IsoDate): ReviewTimeline {
    return {
      reviewType: review.reviewType,
      organisationCode: review.organisationCode,
      incidentDate,
      stages: review.stageChanges.map((entry) => ({ stage: entry.stage, occurredOn: isoDateOf(entry.occurredOn) })),
      pauses: review.pauses.map((pause) => ({ pausedOn: isoDateOf(pause.pausedOn), resumedOn: pause.resumedOn ? isoDateOf(pause.resumedOn) : null })),
    };
  }

  private alertsOf(changed: Changed, incidentDate: IsoDate, inputs: DeadlineInputs | undefined, today: IsoDate) {
    return this.deadlines.alerts(this.timelineOf(changed.history, incidentDate), inputs, today, changed.row.pausedOn !== null);
  }

  private async dtoOf(review: ReviewWithHistory, incidentDate: IsoDate, inputs: DeadlineInputs | undefined, today: IsoDate): Promise<ReviewDto> {
    return toReviewDto(review, this.deadlines.clocks(this.timelineOf(review, incidentDate), inputs, today));
  }

  private async incidentDateOf(review: ReviewRow): Promise<IsoDate> {
    const known = await this.cases.findCase(review.caseId);
    return known ? isoDateOf(known.incidentDate) : isoDateOf(review.stageDate);
  }

  /** Visible, changed by its own ICB, and at the version the caller read. */
  private async changeableReview(id: string, principal: Principal, expectedVersion: number): Promise<ReviewWithHistory> {
    const review = await this.access.changeableReview(id, principal);
    if (review.version !== expectedVersion) throw new PreconditionFailedError(review.version);
    return review;
  }

  private assertCode(list: string, field: string, code: string, today: IsoDate): Promise<void> {
    return assertCodeForNewRecord(this.codeLists, list, field, code, today);
  }


  private async replay(principal: Principal, key: string, requestHash: string): Promise<ReviewDto | undefined> {
    if (!IDEMPOTENCY_KEY.test(key)) throw new ValidationFailedError([{ field: 'Idempotency-Key', code: 'MATCHES', message: 'Idempotency-Key must be 8 to 200 letters, digits or ._:-' }]);
    const previous = await this.reviews.findIdempotentRequest(principal.organisationCode, key);
    if (!previous) return undefined;
    if (previous.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    const review = await this.reviews.findById(previous.resourceId);
    return review ? this.dtoOf(review, await this.incidentDateOf(review), await this.deadlines.inputs(), this.clock.today()) : undefined;
  }

  private async replayAfterRace(principal: Principal, key: string, requestHash: string): Promise<ReviewDto> {
    const replay = await this.replay(principal, key, requestHash);
    if (!replay) throw new IdempotencyKeyInProgressError();
    return replay;
  }
}
