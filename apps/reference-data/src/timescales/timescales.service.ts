import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { selectTarget } from '@scrt/reference-copy';
import { addCalendarMonths, todayInEngland } from '@scrt/working-days';
import { CalendarService, withFieldOfRange } from '../calendar/calendar.service.js';
import { isoDateOf } from '../calendar/dto/calendar-date.js';
import type {
  PutTimescaleTargetDto,
  TargetInForceDto,
  TargetInForceQuery,
  TimescaleTargetDto,
  TimescaleTargetKey,
  TimescaleUnit,
  TimescaleVersionDto,
  TimescaleVersionSummaryDto,
} from './dto/timescale.dto.js';
import { NoTimescaleDraftError, TimescaleDraftExistsError, TimescaleFieldError, TimescaleTargetNotFoundError, TimescaleVersionNotFoundError } from './timescales.errors.js';
import { TimescalesRepository, type TargetValues } from './timescales.repository.js';

type VersionRow = NonNullable<Awaited<ReturnType<TimescalesRepository['findVersion']>>>;
type VersionSummaryRow = Awaited<ReturnType<TimescalesRepository['listVersions']>>[number];

const toTargetDto = (target: TargetValues): TimescaleTargetDto => ({
  reviewType: target.reviewType,
  stage: target.stage,
  icbOdsCode: target.icbOdsCode,
  amount: target.amount,
  unit: target.unit as TimescaleUnit,
  startEvent: target.startEvent,
  description: target.description,
});

const versionFields = (row: VersionSummaryRow) => ({
  version: row.version,
  status: row.status,
  effectiveFrom: row.effectiveFrom ? isoDateOf(row.effectiveFrom) : null,
  publishedAt: row.publishedAt?.toISOString() ?? null,
});

const toSummaryDto = (row: VersionSummaryRow): TimescaleVersionSummaryDto => ({ ...versionFields(row), publishedBy: row.publishedBy, createdBy: row.createdBy });

const toVersionDto = (row: VersionRow): TimescaleVersionDto => ({ ...versionFields(row), targets: row.targets.map(toTargetDto) });

/**
 * Timescale targets, versioned like the code lists: one draft edited freely, published versions
 * immutable and in force from their date, every version kept.
 */
@Injectable()
export class TimescalesService {
  constructor(
    private readonly timescales: TimescalesRepository,
    private readonly calendar: CalendarService,
  ) {}

  async listVersions(): Promise<TimescaleVersionSummaryDto[]> {
    return (await this.timescales.listVersions()).map(toSummaryDto);
  }

  async get(query: { asAt?: string; version?: number }): Promise<TimescaleVersionDto> {
    if (query.version !== undefined) {
      const row = await this.timescales.findVersion(query.version);
      if (!row || row.status !== 'published') throw new TimescaleVersionNotFoundError(`No published timescale version ${query.version}.`);
      return toVersionDto(row);
    }
    return toVersionDto(await this.inForce(query.asAt ?? todayInEngland()));
  }

  async draft(): Promise<TimescaleVersionDto> {
    return toVersionDto(await this.requireDraft());
  }

  async createDraft(principal: Principal): Promise<TimescaleVersionDto> {
    const existing = await this.timescales.findDraft();
    if (existing) throw new TimescaleDraftExistsError(existing.version);
    const latest = await this.timescales.findLatestPublished();
    const base = latest ? ((await this.timescales.findVersion(latest.version))?.targets ?? []) : [];
    const version = await this.timescales.createDraft(base.map(toTargetDto), principal);
    if (version === undefined) throw new TimescaleDraftExistsError((await this.timescales.findDraft())?.version);
    return toVersionDto((await this.timescales.findVersion(version))!);
  }

  async putTarget(input: PutTimescaleTargetDto, principal: Principal): Promise<TimescaleVersionDto> {
    const draft = await this.requireDraft();
    if (input.icbOdsCode && !(await this.timescales.isIcb(input.icbOdsCode))) {
      throw new TimescaleFieldError('icbOdsCode', 'UNKNOWN_ICB', `${input.icbOdsCode} is not an ICB`);
    }
    const target: TargetValues = {
      reviewType: input.reviewType,
      stage: input.stage,
      icbOdsCode: input.icbOdsCode ?? null,
      amount: input.amount,
      unit: input.unit,
      startEvent: input.startEvent,
      description: input.description ?? null,
    };
    await this.timescales.putTarget(draft.version, target, principal);
    return this.draft();
  }

  async deleteTarget(key: TimescaleTargetKey, principal: Principal): Promise<TimescaleVersionDto> {
    const draft = await this.requireDraft();
    const deleted = await this.timescales.deleteTarget(draft.version, { reviewType: key.reviewType, stage: key.stage, icbOdsCode: key.icbOdsCode ?? null }, principal);
    if (!deleted) throw new TimescaleTargetNotFoundError(key.reviewType, key.stage);
    return this.draft();
  }

  async publish(effectiveFrom: string, principal: Principal): Promise<TimescaleVersionDto> {
    const draft = await this.requireDraft();
    if (effectiveFrom < todayInEngland()) {
      throw new TimescaleFieldError('effectiveFrom', 'NOT_IN_THE_PAST', 'effectiveFrom must be today or later: a published version never changes what was in force before');
    }
    const latest = await this.timescales.findLatestPublished();
    const latestFrom = latest?.effectiveFrom ? isoDateOf(latest.effectiveFrom) : undefined;
    if (latestFrom && effectiveFrom < latestFrom) {
      throw new TimescaleFieldError('effectiveFrom', 'BEFORE_LATEST_VERSION', `effectiveFrom must not be before ${latestFrom}, when version ${latest!.version} takes effect`);
    }
    if (!(await this.timescales.publish(draft.version, effectiveFrom, principal))) throw new NoTimescaleDraftError();
    return toVersionDto((await this.timescales.findVersion(draft.version))!);
  }

  async discard(principal: Principal): Promise<void> {
    const draft = await this.requireDraft();
    if (!(await this.timescales.discard(draft.version, principal))) throw new NoTimescaleDraftError();
  }

  /** The ICB's override when it has one, else the national default; with the due date when `from` is given. */
  async targetInForce(query: TargetInForceQuery): Promise<TargetInForceDto> {
    const version = await this.inForce(query.asAt ?? query.from ?? todayInEngland());
    const selected = selectTarget(version.targets, query.reviewType, query.stage, query.icbOdsCode);
    if (!selected) throw new TimescaleTargetNotFoundError(query.reviewType, query.stage);
    const { target, scope } = selected;
    const answer: TargetInForceDto = { ...toTargetDto(target), version: version.version, scope };
    if (query.from) answer.dueDate = await this.dueDate(query.from, target.amount, target.unit as TimescaleUnit);
    return answer;
  }

  private async dueDate(from: string, amount: number, unit: TimescaleUnit): Promise<string> {
    if (unit === 'calendar_months') return addCalendarMonths(from, amount);
    const calendar = await this.calendar.calendar();
    return withFieldOfRange(() => calendar.addWorkingDays(from, amount), () => 'from');
  }

  private async inForce(asAt: string): Promise<VersionRow> {
    const row = await this.timescales.findInForce(asAt);
    if (!row) throw new TimescaleVersionNotFoundError(`No timescale version is in force on ${asAt}.`);
    return row;
  }

  private async requireDraft(): Promise<VersionRow> {
    const draft = await this.timescales.findDraft();
    if (!draft) throw new NoTimescaleDraftError();
    return draft;
  }
}
