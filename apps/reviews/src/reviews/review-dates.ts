import type { IsoDate } from '@scrt/working-days';

/** A `@db.Date` column's value as the calendar date it stores. */
export const isoDateOf = (date: Date): IsoDate => date.toISOString().slice(0, 10);
export const isoDateOrNull = (date: Date | null): IsoDate | null => (date ? isoDateOf(date) : null);

/** The value to store in a `@db.Date` column. */
export const dateColumn = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);
export const dateColumnOrNull = (date: IsoDate | null | undefined): Date | null => (date ? dateColumn(date) : null);
