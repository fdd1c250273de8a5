import { Controller } from '@nestjs/common';
import { BankHolidaysChangedV1Contract, TimescalesPublishedV1Contract, type BankHolidaysChangedV1, type EventEnvelope, type TimescalesPublishedV1 } from '@scrt/contracts';
import { ConsumeEvent } from '@scrt/messaging';
import { CalendarCopy } from './calendar-copy.js';
import { TimescaleCopy } from './timescale-copy.js';

/** Keeps the service's copies of the timescales and the bank-holiday calendar up to date. */
@Controller()
export class DeadlineCopyEvents {
  constructor(
    private readonly timescales: TimescaleCopy,
    private readonly calendar: CalendarCopy,
  ) {}

  @ConsumeEvent(TimescalesPublishedV1Contract)
  async onTimescalesPublished(event: EventEnvelope<TimescalesPublishedV1>): Promise<void> {
    await this.timescales.apply(event);
  }

  @ConsumeEvent(BankHolidaysChangedV1Contract)
  async onBankHolidaysChanged(event: EventEnvelope<BankHolidaysChangedV1>): Promise<void> {
    await this.calendar.apply(event);
  }
}
