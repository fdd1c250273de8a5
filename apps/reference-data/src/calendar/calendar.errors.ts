import { DomainError } from '@scrt/http';

export class BankHolidayExistsError extends DomainError {
  constructor(date: string) {
    super('BANK_HOLIDAY_EXISTS', 409, 'Bank holiday exists', `${date} is already a bank holiday.`);
  }
}

export class BankHolidayNotFoundError extends DomainError {
  constructor(date: string) {
    super('BANK_HOLIDAY_NOT_FOUND', 404, 'Bank holiday not found', `${date} is not a bank holiday.`);
  }
}

export class HolidayNotOnAWeekdayError extends DomainError {
  constructor(field: string, message: string) {
    super('VALIDATION_FAILED', 400, 'Validation failed', message, [{ field, code: 'WEEKDAY', message }]);
  }
}

export class DateOutsideCalendarError extends DomainError {
  constructor(field: string, date: string, firstYear: number, lastYear: number) {
    const message = `${date} is outside the years the bank holiday calendar covers (${firstYear} to ${lastYear})`;
    super('DATE_OUT_OF_RANGE', 400, 'Date out of range', message, [{ field, code: 'DATE_OUT_OF_RANGE', message }]);
  }
}

export class YearRangeError extends DomainError {
  constructor() {
    const message = 'toYear must not be before fromYear';
    super('VALIDATION_FAILED', 400, 'Validation failed', message, [{ field: 'toYear', code: 'YEAR_RANGE', message }]);
  }
}

export class NoBankHolidaysError extends DomainError {
  constructor() {
    super('NO_BANK_HOLIDAYS', 409, 'No bank holidays', 'The calendar holds no bank holidays: working days cannot be computed.');
  }
}
