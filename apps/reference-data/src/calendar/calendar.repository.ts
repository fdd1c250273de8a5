import { Inject, Injectable } from '@nestjs/common';
import { BankHolidaysChangedV1Contract, eventActorOf, type BankHolidayV1, type Principal } from '@scrt/contracts';
import { OutboxWriter, type SqlClient } from '@scrt/messaging';
import { AuditTrail, DATABASE, unlessDuplicate } from '@scrt/persistence';
import { REFDATA_SCHEMA, type ReferenceDataDatabase } from '../database.js';
import { dateOf, isoDateOf } from './dto/calendar-date.js';

export interface NewBankHoliday {
  date: string;
  name: string;
  substituteFor?: string;
}

const audit = new AuditTrail(REFDATA_SCHEMA);
const RESOURCE_TYPE = 'bank-holiday';
type Tx = Parameters<Parameters<ReferenceDataDatabase['$transaction']>[0]>[0];

@Injectable()
export class CalendarRepository {
  constructor(
    @Inject(DATABASE) private readonly db: ReferenceDataDatabase,
    private readonly outbox: OutboxWriter,
  ) {}

  findBetween(from: string, to: string) {
    return this.db.bankHoliday.findMany({ where: { date: { gte: dateOf(from), lte: dateOf(to) } }, orderBy: { date: 'asc' } });
  }

  findAll() {
    return this.db.bankHoliday.findMany({ orderBy: { date: 'asc' } });
  }

  /** The holiday and its audit record: one transaction; undefined when the date is a holiday already. */
  create(holiday: NewBankHoliday, principal: Principal) {
    return unlessDuplicate(() => this.insert(holiday, principal));
  }

  private insert(holiday: NewBankHoliday, principal: Principal) {
    return this.db.$transaction(async (tx) => {
      const row = await tx.bankHoliday.create({
        data: { date: dateOf(holiday.date), name: holiday.name, substituteFor: holiday.substituteFor ? dateOf(holiday.substituteFor) : null, source: 'admin', createdBy: principal.subject },
      });
      await audit.record(tx, principal, { action: 'create', resourceType: RESOURCE_TYPE, resourceId: holiday.date, outcome: 'success' });
      await this.appendChanged(tx, principal);
      return row;
    });
  }

  /** False when there was no such holiday (nothing deleted, nothing audited). */
  delete(date: string, principal: Principal): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.bankHoliday.deleteMany({ where: { date: dateOf(date) } });
      if (count === 0) return false;
      await audit.record(tx, principal, { action: 'delete', resourceType: RESOURCE_TYPE, resourceId: date, outcome: 'success' });
      await this.appendChanged(tx, principal);
      return true;
    });
  }

  /** `reference-data.bank-holidays.changed.v1`: the full set as this transaction leaves it. */
  private async appendChanged(tx: Tx, principal: Principal): Promise<void> {
    const rows = await tx.bankHoliday.findMany({ orderBy: { date: 'asc' } });
    const holidays = rows.map((row) => ({
      date: isoDateOf(row.date),
      name: row.name,
      substituteFor: row.substituteFor ? isoDateOf(row.substituteFor) : null,
      source: row.source as BankHolidayV1['source'],
    }));
    await this.outbox.append(tx as unknown as SqlClient, BankHolidaysChangedV1Contract, { holidays }, { actor: eventActorOf(principal) });
  }
}
