import type { TargetInForce } from '@scrt/reference-copy';
import { addCalendarDays, addCalendarMonths, OutsideCalendarError, toDayNumber, type IsoDate, type WorkingDayCalendar } from '@scrt/working-days';

/** Where a clock starts, by the `startEvent` of a timescale target. */
export type StartEvent = 'INCIDENT_KNOWN' | 'NOTIFICATION' | 'DECISION';

/**
 * The clocks a review runs, by timescale stage: when each starts (its target's start event) and
 * which stage of the review stops it (the target is met when the review reaches that stage).
 */
export const CLOCKS = [
  { clock: 'NOTIFICATION', metBy: 'NOTIFIED' },
  { clock: 'RAPID_REVIEW', metBy: 'DECISION' },
  { clock: 'REVIEW', metBy: 'SIGNED_OFF' },
] as const;
export type ClockName = (typeof CLOCKS)[number]['clock'];

export interface StageEntry {
  stage: string;
  occurredOn: IsoDate;
}

export interface PausePeriod {
  pausedOn: IsoDate;
  /** Null while the pause runs. */
  resumedOn: IsoDate | null;
}

/** What the engine needs of a review. */
export interface ReviewTimeline {
  reviewType: string;
  organisationCode: string;
  incidentDate: IsoDate;
  /** Stage history, oldest first. */
  stages: StageEntry[];
  pauses: PausePeriod[];
}

/** Looks up the target in force on a date (the timescale copy). */
export type TargetLookup = (reviewType: string, clock: string, icbOdsCode: string | null, date: IsoDate) => TargetInForce | undefined;

export type Rag = 'green' | 'amber' | 'red';

export interface ClockState {
  clock: ClockName;
  startedOn: IsoDate;
  target: { amount: number; unit: string; startEvent: string; timescaleVersion: number; scope: 'icb' | 'national' };
  /** The target date, moved on by the time the review was paused while the clock ran. */
  dueDate: IsoDate | null;
  pausedWorkingDays: number;
  pausedCalendarDays: number;
  /** The date the review reached the stage that meets the target; null while running. */
  metOn: IsoDate | null;
  /** Running clocks: working days left (0 = due today, negative = overdue). */
  workingDaysLeft: number | null;
  rag: Rag | null;
  /** Met clocks: working days late (positive) or early (negative) against the target. */
  slippageWorkingDays: number | null;
  /** Set when the calendar copy does not cover the dates (the target cannot be counted). */
  problem: string | null;
}

export interface DeadlineOptions {
  today: IsoDate;
  /** Amber within this many working days of the target date. */
  amberWorkingDays: number;
}

const firstEntry = (timeline: ReviewTimeline, stage: string) => timeline.stages.find((entry) => entry.stage === stage)?.occurredOn ?? null;

function startDateOf(timeline: ReviewTimeline, startEvent: string): IsoDate | null {
  if (startEvent === 'INCIDENT_KNOWN') return timeline.incidentDate;
  if (startEvent === 'NOTIFICATION') return firstEntry(timeline, 'NOTIFIED');
  if (startEvent === 'DECISION') return firstEntry(timeline, 'DECISION');
  return null;
}

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** The parts of the pauses that fell while the clock ran (from its start up to its end, or today). */
function pausedWithin(pauses: PausePeriod[], from: IsoDate, to: IsoDate): { pausedOn: IsoDate; resumedOn: IsoDate }[] {
  return pauses
    .map((pause) => ({ pausedOn: later(pause.pausedOn, from), resumedOn: earlier(pause.resumedOn ?? to, to) }))
    .filter((pause) => pause.pausedOn < pause.resumedOn);
}

/** The working day `days` working days before `date` (for the day amber starts). */
export function subtractWorkingDays(calendar: WorkingDayCalendar, date: IsoDate, days: number): IsoDate {
  let current = date;
  for (let counted = 0; counted < days; ) {
    if (calendar.isWorkingDay(current)) counted += 1;
    current = addCalendarDays(current, -1);
  }
  while (!calendar.isWorkingDay(current)) current = addCalendarDays(current, -1);
  return current;
}

/**
 * Every clock of a review: the target in force when the clock started, the due date (working
 * days on the bank-holiday calendar, or calendar months), paused time added, and for the running
 * clock the working days left and RAG; for met clocks the slippage against the target.
 */
export function clocksOf(timeline: ReviewTimeline, targetOf: TargetLookup, calendar: WorkingDayCalendar, options: DeadlineOptions): ClockState[] {
  const states: ClockState[] = [];
  for (const { clock, metBy } of CLOCKS) {
    const probe = targetOf(timeline.reviewType, clock, timeline.organisationCode, options.today);
    if (!probe) continue;
    const startedOn = startDateOf(timeline, probe.startEvent);
    if (startedOn === null) continue;
    const target = targetOf(timeline.reviewType, clock, timeline.organisationCode, startedOn) ?? probe;
    const metOn = firstEntry(timeline, metBy);
    states.push(clockState(clock, startedOn, target, metOn, timeline.pauses, calendar, options));
  }
  return states;
}

function clockState(clock: ClockName, startedOn: IsoDate, target: TargetInForce, metOn: IsoDate | null, pauses: PausePeriod[], calendar: WorkingDayCalendar, options: DeadlineOptions): ClockState {
  const state: ClockState = {
    clock,
    startedOn,
    target: { amount: target.amount, unit: target.unit, startEvent: target.startEvent, timescaleVersion: target.version, scope: target.scope },
    dueDate: null,
    pausedWorkingDays: 0,
    pausedCalendarDays: 0,
    metOn,
    workingDaysLeft: null,
    rag: null,
    slippageWorkingDays: null,
    problem: null,
  };
  try {
    const paused = pausedWithin(pauses, startedOn, metOn ?? options.today);
    state.pausedWorkingDays = paused.reduce((sum, pause) => sum + calendar.countWorkingDays(pause.pausedOn, pause.resumedOn), 0);
    state.pausedCalendarDays = paused.reduce((sum, pause) => sum + toDayNumber(pause.resumedOn) - toDayNumber(pause.pausedOn), 0);
    state.dueDate =
      target.unit === 'calendar_months'
        ? addCalendarDays(addCalendarMonths(startedOn, target.amount), state.pausedCalendarDays)
        : calendar.addWorkingDays(startedOn, target.amount + state.pausedWorkingDays);
    if (metOn !== null) {
      state.slippageWorkingDays = calendar.countWorkingDays(state.dueDate, metOn);
    } else {
      state.workingDaysLeft = calendar.countWorkingDays(options.today, state.dueDate);
      state.rag = options.today > state.dueDate ? 'red' : state.workingDaysLeft <= options.amberWorkingDays ? 'amber' : 'green';
    }
  } catch (error) {
    if (!(error instanceof OutsideCalendarError)) throw error;
    state.problem = error.message;
  }
  return state;
}

/** The target date of the clock a stage stops (DECISION stops the rapid review's); null when it stops none or none could be counted. */
export function targetMetBy(clocks: ClockState[], stage: string): IsoDate | null {
  const stopped = CLOCKS.find((candidate) => candidate.metBy === stage);
  return clocks.find((state) => state.clock === stopped?.clock)?.dueDate ?? null;
}

/** The clock still running (at most one: each starts when the previous one's stage is reached). */
export const runningClock = (clocks: ClockState[]) => clocks.find((clock) => clock.metOn === null && clock.dueDate !== null);

/** When the running clock turns amber (due soon) and red (breached): the days its alerts fire on. */
export function alertDays(clock: ClockState, calendar: WorkingDayCalendar, amberWorkingDays: number): { threshold: 'due-soon' | 'breached'; fireOn: IsoDate }[] {
  if (clock.dueDate === null) return [];
  try {
    return [
      { threshold: 'due-soon', fireOn: subtractWorkingDays(calendar, clock.dueDate, amberWorkingDays) },
      { threshold: 'breached', fireOn: addCalendarDays(clock.dueDate, 1) },
    ];
  } catch (error) {
    if (error instanceof OutsideCalendarError) return [];
    throw error;
  }
}
