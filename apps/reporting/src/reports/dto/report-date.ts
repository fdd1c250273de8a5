import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, registerDecorator } from 'class-validator';

export const EARLIEST_REPORT_DATE = '1900-01-01';
export const LATEST_REPORT_DATE = '2100-12-31';

/** YYYY-MM-DD strings order as their dates do, so the range check is a string comparison. */
function WithinReportYears(message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'withinReportYears',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: { validate: (value: unknown) => typeof value === 'string' && value >= EARLIEST_REPORT_DATE && value <= LATEST_REPORT_DATE },
    });
}

/**
 * A YYYY-MM-DD calendar date within years a report can mean: the period arithmetic (a day added
 * to `to`) must stay inside the dates the database stores.
 */
export function ReportDate(name: string) {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${name} must be a date as YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: `${name} must be a real calendar date` }),
    WithinReportYears(`${name} must be between ${EARLIEST_REPORT_DATE} and ${LATEST_REPORT_DATE}`),
  );
}
