import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { AuditTrail, DATABASE } from '@scrt/persistence';
import { REFDATA_SCHEMA, type ReferenceDataDatabase } from '../database.js';
import { dateOf } from './dto/calendar-date.js';
import { unlessDuplicate } from './unique-violation.js';

export interface NewBankHoliday {
  date: string;
  name: string;
  substituteFor?: string;
}

const audit = new AuditTrail(REFDATA_SCHEMA);
const RESOURCE_TYPE = 'bank-holiday';

@Injectable()
export class CalendarRepository {
  constructor(@Inject(DATABASE) private readonly db: ReferenceDataDatabase) {}

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
      return row;
    });
  }

  /** False when there was no such holiday (nothing deleted, nothing audited). */
  delete(date: string, principal: Principal): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.bankHoliday.deleteMany({ where: { date: dateOf(date) } });
      if (count === 0) return false;
      await audit.record(tx, principal, { action: 'delete', resourceType: RESOURCE_TYPE, resourceId: date, outcome: 'success' });
      return true;
    });
  }
}
