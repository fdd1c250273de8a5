import type { EventContract, EventEnvelope } from '@scrt/contracts';
import { todayInEngland, type IsoDate } from '@scrt/working-days';

/** An event and the fact it becomes: the live consumer's handlers and the replay both use these. */
export interface FactSource<P extends object, R> {
  contract: EventContract<P>;
  toRow(event: EventEnvelope<P>): R;
}

export const factSource = <P extends object, R>(contract: EventContract<P>, toRow: (event: EventEnvelope<P>) => R): FactSource<P, R> => ({ contract, toRow });

export const dateOnly = (isoDate: string): IsoDate => isoDate.slice(0, 10);
export const dateOrNull = (isoDate: string | null | undefined): IsoDate | null => (isoDate ? dateOnly(isoDate) : null);

/** The day in England an event was committed (a UK evening in winter is not the next day in UTC). */
export const dayOfEvent = (event: EventEnvelope): IsoDate => todayInEngland(new Date(event.occurredAt));
