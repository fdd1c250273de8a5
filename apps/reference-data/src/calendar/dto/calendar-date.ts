import { IsISO8601, IsString, Matches } from 'class-validator';

/** A `YYYY-MM-DD` string that is a real calendar date (no 2026-02-30). */
export function IsCalendarDate() {
  return (target: object, propertyName: string) => {
    IsString()(target, propertyName);
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${propertyName} must be a date as YYYY-MM-DD` })(target, propertyName);
    IsISO8601({ strict: true }, { message: `${propertyName} must be a real calendar date` })(target, propertyName);
  };
}

export const isoDateOf = (date: Date) => date.toISOString().slice(0, 10);
export const dateOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
