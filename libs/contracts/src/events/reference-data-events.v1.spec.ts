import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { allTopics, Topics, UNLIMITED_RETENTION } from '../topics.js';
import { BankHolidaysChangedV1Contract } from './bank-holidays-changed.v1.js';
import type { EventContract } from './envelope.js';
import { PartnershipChangedV1Contract } from './partnership-changed.v1.js';
import { TimescalesPublishedV1Contract } from './timescales-published.v1.js';

/** The properties that fail validation, as `path` strings (nested ones joined by dots). */
function invalidPaths<P extends object>(contract: EventContract<P>, plain: unknown): string[] {
  const errors = validateSync(plainToInstance(contract.payloadClass, plain), { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  const paths = (list: typeof errors, parent: string): string[] =>
    list.flatMap((error) => {
      const path = parent ? `${parent}.${error.property}` : error.property;
      return [...(error.constraints ? [path] : []), ...paths(error.children ?? [], path)];
    });
  return paths(errors, '');
}

const timescales = {
  version: 2,
  effectiveFrom: '2026-12-01',
  publishedAt: '2026-12-01T09:30:00.000Z',
  targets: [
    { reviewType: 'RAPID_REVIEW', stage: 'RAPID_REVIEW', icbOdsCode: null, amount: 15, unit: 'working_days', startEvent: 'NOTIFICATION', description: null },
    { reviewType: 'SAR', stage: 'REVIEW', icbOdsCode: 'QWO', amount: 9, unit: 'calendar_months', startEvent: 'DECISION', description: 'Local override' },
  ],
};
const holidays = {
  holidays: [
    { date: '2026-12-25', name: 'Christmas Day', substituteFor: null, source: 'gov.uk' },
    { date: '2026-12-28', name: 'Boxing Day', substituteFor: '2026-12-26', source: 'gov.uk' },
    { date: '2029-06-01', name: 'Royal occasion', substituteFor: null, source: 'admin' },
  ],
};
const partnership = {
  id: '0b5a4b0e-7d0f-4f0e-9a54-3c8d1e2f6a10',
  name: 'Leeds Safeguarding Adults Board',
  kind: 'SAB',
  localAuthorities: ['Leeds', 'Wakefield'],
  icbOdsCodes: ['QWO'],
  effectiveFrom: '2019-04-01',
  effectiveTo: '2027-03-31',
  version: 3,
};

describe('reference data events of calendar, timescales and partnerships (v1)', () => {
  it('accept their full content', () => {
    expect(invalidPaths(TimescalesPublishedV1Contract, timescales)).toEqual([]);
    expect(invalidPaths(BankHolidaysChangedV1Contract, holidays)).toEqual([]);
    expect(invalidPaths(PartnershipChangedV1Contract, partnership)).toEqual([]);
    expect(invalidPaths(PartnershipChangedV1Contract, { ...partnership, effectiveTo: null, version: 1 })).toEqual([]);
  });

  it('refuse payloads a consumer could not apply, naming the field', () => {
    expect(invalidPaths(TimescalesPublishedV1Contract, { ...timescales, effectiveFrom: '2026-02-30' })).toEqual(['effectiveFrom']);
    expect(invalidPaths(TimescalesPublishedV1Contract, { ...timescales, targets: [{ ...timescales.targets[0], unit: 'weeks', amount: 0 }] })).toEqual(['targets.0.amount', 'targets.0.unit']);
    expect(invalidPaths(TimescalesPublishedV1Contract, { ...timescales, targets: [{ ...timescales.targets[1], icbOdsCode: 'qwo' }] })).toEqual(['targets.0.icbOdsCode']);
    expect(invalidPaths(BankHolidaysChangedV1Contract, { holidays: [{ ...holidays.holidays[0], source: 'guess' }] })).toEqual(['holidays.0.source']);
    expect(invalidPaths(BankHolidaysChangedV1Contract, { holidays: [{ ...holidays.holidays[0], date: '25/12/2026' }] })).toEqual(['holidays.0.date']);
    expect(invalidPaths(BankHolidaysChangedV1Contract, {})).toEqual(['holidays']);
    expect(invalidPaths(PartnershipChangedV1Contract, { ...partnership, kind: 'BOARD' })).toEqual(['kind']);
    expect(invalidPaths(PartnershipChangedV1Contract, { ...partnership, id: 'not-a-uuid', icbOdsCodes: ['Q!'] })).toEqual(['id', 'icbOdsCodes']);
    expect(invalidPaths(PartnershipChangedV1Contract, { ...partnership, version: 0, extra: true })).toEqual(['extra', 'version']);
  });

  it('key every timescale version and every calendar change alike, so they stay in order; a partnership by its id', () => {
    expect(TimescalesPublishedV1Contract.aggregateIdOf({ ...timescales, version: 1 } as never)).toBe('timescales');
    expect(TimescalesPublishedV1Contract.aggregateIdOf(timescales as never)).toBe('timescales');
    expect(BankHolidaysChangedV1Contract.aggregateIdOf(holidays as never)).toBe('bank-holidays');
    expect(PartnershipChangedV1Contract.aggregateIdOf(partnership as never)).toBe(partnership.id);
  });

  it('go to topics that keep every event', () => {
    const kept = [Topics.timescalesPublishedV1, Topics.bankHolidaysChangedV1, Topics.partnershipChangedV1];
    expect([TimescalesPublishedV1Contract.topic, BankHolidaysChangedV1Contract.topic, PartnershipChangedV1Contract.topic]).toEqual(kept);
    for (const name of kept) expect(allTopics()).toContainEqual({ name, partitions: 3, config: UNLIMITED_RETENTION });
  });
});
