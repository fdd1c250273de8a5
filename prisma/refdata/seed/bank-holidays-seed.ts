import type pg from 'pg';
import { BankHolidaysChangedV1Contract, Topics, type BankHolidayV1 } from '@scrt/contracts';
import { OutboxWriter } from '@scrt/messaging';
import { sqlClientOf } from './code-lists-seed.js';

/**
 * The first `reference-data.bank-holidays.changed.v1` event (the outbox, same transaction as the
 * seed), written only while the topic has none: a new consumer starts from the seeded calendar.
 */
export async function publishSeededBankHolidays(client: pg.Client): Promise<void> {
  const [{ events }] = (await client.query<{ events: number }>('SELECT count(*)::int AS events FROM refdata.outbox_event WHERE topic = $1', [Topics.bankHolidaysChangedV1])).rows;
  if (events > 0) return;
  const { rows } = await client.query<BankHolidayV1>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, name, to_char(substitute_for, 'YYYY-MM-DD') AS "substituteFor", source FROM refdata.bank_holiday ORDER BY date`,
  );
  const outbox = new OutboxWriter({ serviceName: 'reference-data', schema: 'refdata' });
  await outbox.append(sqlClientOf(client), BankHolidaysChangedV1Contract, { holidays: rows }, { actor: { subject: 'seed', kind: 'system' } });
}
