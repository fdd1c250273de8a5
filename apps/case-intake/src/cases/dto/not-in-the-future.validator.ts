import { registerDecorator, type ValidationOptions } from 'class-validator';

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one.
const englishCalendarDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Today in England: a date entered in the UK afternoon is not "tomorrow" in UTC terms. */
export function todayInEngland(now = new Date()): string {
  return englishCalendarDate.format(now);
}

/** A YYYY-MM-DD date no later than today (in England). */
export function NotInTheFuture(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notInTheFuture',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must not be in the future`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value <= todayInEngland() },
    });
}
