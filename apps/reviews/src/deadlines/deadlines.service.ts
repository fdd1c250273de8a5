import { Injectable } from '@nestjs/common';
import { CalendarCopy, selectTarget, TimescaleCopy, type TargetInForce, type TimescaleVersionCopy } from '@scrt/reference-copy';
import type { IsoDate, WorkingDayCalendar } from '@scrt/working-days';
import { ReviewsEnv } from '../config/reviews.config.js';
import type { PendingAlert } from '../reviews/reviews.repository.js';
import { alertDays, clocksOf, runningClock, type ClockState, type ReviewTimeline, type TargetLookup } from './deadline-engine.js';

/** What the engine needs from the local copies, read once for many reviews. */
export interface DeadlineInputs {
  calendar: WorkingDayCalendar;
  targetOf: TargetLookup;
}

/** A target lookup over timescale versions held in memory (latest effective first). */
export function targetLookupOf(versions: TimescaleVersionCopy[]): TargetLookup {
  return (reviewType, clock, icbOdsCode, date): TargetInForce | undefined => {
    const version = versions.find((candidate) => candidate.effectiveFrom <= date);
    const selected = version && selectTarget(version.targets, reviewType, clock, icbOdsCode);
    return selected && { ...selected.target, version: version.version, scope: selected.scope };
  };
}

/** The deadline engine over the service's copies of the timescales and the bank-holiday calendar. */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly timescales: TimescaleCopy,
    private readonly calendarCopy: CalendarCopy,
    private readonly config: ReviewsEnv,
  ) {}

  get amberWorkingDays(): number {
    return this.config.DEADLINE_AMBER_WORKING_DAYS;
  }

  /** Undefined until the copies hold a calendar: no target can be counted before then. */
  async inputs(): Promise<DeadlineInputs | undefined> {
    const calendar = await this.calendarCopy.calendar();
    return calendar && { calendar, targetOf: targetLookupOf(await this.timescales.versions()) };
  }

  clocks(timeline: ReviewTimeline, inputs: DeadlineInputs | undefined, today: IsoDate): ClockState[] {
    return inputs ? clocksOf(timeline, inputs.targetOf, inputs.calendar, { today, amberWorkingDays: this.amberWorkingDays }) : [];
  }

  /** The alerts the running clock will raise; none while paused (the clock stands still, its date moves). */
  alerts(timeline: ReviewTimeline, inputs: DeadlineInputs | undefined, today: IsoDate, paused: boolean): PendingAlert[] {
    const running = runningClock(this.clocks(timeline, inputs, today));
    if (!running || paused || !inputs) return [];
    return alertDays(running, inputs.calendar, this.amberWorkingDays).map((alert) => ({ clock: running.clock, threshold: alert.threshold, dueDate: running.dueDate!, fireOn: alert.fireOn }));
  }
}
