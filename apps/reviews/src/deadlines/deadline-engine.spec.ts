import type { PublishedTimescaleTargetV1 } from '@scrt/contracts';
import type { TimescaleVersionCopy } from '@scrt/reference-copy';
import { WorkingDayCalendar } from '@scrt/working-days';
import { alertDays, clocksOf, runningClock, targetMetBy, type ReviewTimeline } from './deadline-engine.js';
import { targetLookupOf } from './deadlines.service.js';

// England and Wales bank holidays 2026-2027 (28 December 2026: substitute for Boxing Day on a Saturday).
const calendar = new WorkingDayCalendar([
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
]);

const target = (reviewType: string, stage: string, amount: number, unit: PublishedTimescaleTargetV1['unit'], startEvent: string, icbOdsCode: string | null = null): PublishedTimescaleTargetV1 =>
  ({ reviewType, stage, icbOdsCode, amount, unit, startEvent, description: null });

const version1: TimescaleVersionCopy = {
  version: 1,
  effectiveFrom: '2018-01-01',
  targets: [
    target('RAPID_REVIEW', 'RAPID_REVIEW', 15, 'working_days', 'NOTIFICATION'),
    target('CSPR_LOCAL', 'REVIEW', 6, 'calendar_months', 'DECISION'),
    target('SAR', 'REVIEW', 6, 'calendar_months', 'DECISION'),
    target('SAR', 'REVIEW', 9, 'calendar_months', 'DECISION', 'QWO'),
  ],
};
const version2: TimescaleVersionCopy = { ...version1, version: 2, effectiveFrom: '2027-01-01', targets: [target('RAPID_REVIEW', 'RAPID_REVIEW', 10, 'working_days', 'NOTIFICATION')] };

/** The timescale copy's answer, from the versions above (latest effective first). */
const lookup = targetLookupOf([version2, version1]);

const rapidReview = (overrides: Partial<ReviewTimeline> = {}): ReviewTimeline => ({
  reviewType: 'RAPID_REVIEW',
  organisationCode: 'QWO',
  incidentDate: '2026-12-14',
  stages: [{ stage: 'NOTIFIED', occurredOn: '2026-12-21' }, { stage: 'RAPID_REVIEW', occurredOn: '2026-12-21' }],
  pauses: [],
  ...overrides,
});

const options = (today: string) => ({ today, amberWorkingDays: 5 });

describe('the deadline engine', () => {
  it('counts a rapid review 15 working days from the notification, over Christmas and the 28 December substitute day, with the version in force when it started', () => {
    const [clock] = clocksOf(rapidReview(), lookup, calendar, options('2026-12-22'));
    expect(clock).toMatchObject({ clock: 'RAPID_REVIEW', startedOn: '2026-12-21', dueDate: '2027-01-14', target: { amount: 15, timescaleVersion: 1 }, rag: 'green', workingDaysLeft: 14 });
  });

  it('turns amber within 5 working days and red the day after the target date', () => {
    expect(clocksOf(rapidReview(), lookup, calendar, options('2027-01-06'))[0]).toMatchObject({ rag: 'green', workingDaysLeft: 6 });
    expect(clocksOf(rapidReview(), lookup, calendar, options('2027-01-07'))[0]).toMatchObject({ rag: 'amber', workingDaysLeft: 5 });
    expect(clocksOf(rapidReview(), lookup, calendar, options('2027-01-14'))[0]).toMatchObject({ rag: 'amber', workingDaysLeft: 0 });
    expect(clocksOf(rapidReview(), lookup, calendar, options('2027-01-15'))[0]).toMatchObject({ rag: 'red', workingDaysLeft: -1 });
  });

  it('stops the clock while paused: the target moves on by the working days paused, also while the pause runs', () => {
    const resumed = rapidReview({ pauses: [{ pausedOn: '2026-12-22', resumedOn: '2026-12-24' }] });
    expect(clocksOf(resumed, lookup, calendar, options('2027-01-04'))[0]).toMatchObject({ pausedWorkingDays: 2, dueDate: '2027-01-18' });
    const running = rapidReview({ pauses: [{ pausedOn: '2027-01-04', resumedOn: null }] });
    expect(clocksOf(running, lookup, calendar, options('2027-01-08'))[0]).toMatchObject({ pausedWorkingDays: 4, dueDate: '2027-01-20' });
  });

  it('records the slippage of a met target in working days', () => {
    const late = rapidReview({ stages: [...rapidReview().stages, { stage: 'DECISION', occurredOn: '2027-01-18' }] });
    const [clock] = clocksOf(late, lookup, calendar, options('2027-02-01'));
    expect(clock).toMatchObject({ metOn: '2027-01-18', slippageWorkingDays: 2, rag: null, workingDaysLeft: null });
    expect(runningClock([clock])).toBeUndefined();
  });

  it('names the target date a stage met: the decision meets the rapid review\'s, a stage that stops no clock none', () => {
    const decided = rapidReview({ stages: [...rapidReview().stages, { stage: 'DECISION', occurredOn: '2027-01-18' }] });
    const clocks = clocksOf(decided, lookup, calendar, options('2027-02-01'));
    expect(targetMetBy(clocks, 'DECISION')).toBe(clocks[0].dueDate);
    expect(targetMetBy(clocks, 'DECISION')).toBe('2027-01-14');
    expect(targetMetBy(clocks, 'IN_PROGRESS')).toBeNull();
    expect(targetMetBy(clocks, 'SIGNED_OFF')).toBeNull();
  });

  it('counts calendar months from the decision (31 August + 6 months = 28 February) and uses an ICB override', () => {
    const cspr: ReviewTimeline = { reviewType: 'CSPR_LOCAL', organisationCode: 'QWO', incidentDate: '2026-06-01', stages: [{ stage: 'NOTIFIED', occurredOn: '2026-08-03' }, { stage: 'DECISION', occurredOn: '2026-08-31' }], pauses: [] };
    expect(clocksOf(cspr, lookup, calendar, options('2026-12-01'))).toMatchObject([{ clock: 'REVIEW', dueDate: '2027-02-28', target: { scope: 'national' } }]);
    const sar = { ...cspr, reviewType: 'SAR' };
    expect(clocksOf(sar, lookup, calendar, options('2026-12-01'))).toMatchObject([{ dueDate: '2027-05-31', target: { amount: 9, scope: 'icb' } }]);
    expect(clocksOf({ ...sar, organisationCode: 'QHG' }, lookup, calendar, options('2026-12-01'))[0].target.scope).toBe('national');
  });

  it('names the days the due-soon and breached alerts fire on', () => {
    const [clock] = clocksOf(rapidReview(), lookup, calendar, options('2026-12-22'));
    expect(alertDays(clock, calendar, 5)).toEqual([
      { threshold: 'due-soon', fireOn: '2027-01-07' },
      { threshold: 'breached', fireOn: '2027-01-15' },
    ]);
  });

  it('says so when the calendar does not cover the dates, instead of guessing', () => {
    const old = rapidReview({ stages: [{ stage: 'NOTIFIED', occurredOn: '2025-12-01' }] });
    const [clock] = clocksOf(old, lookup, calendar, options('2026-01-05'));
    expect(clock.dueDate).toBeNull();
    expect(clock.problem).toMatch(/outside the years/);
  });
});
