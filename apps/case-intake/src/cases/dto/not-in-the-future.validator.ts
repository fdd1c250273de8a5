import { registerDecorator, type ValidationOptions } from 'class-validator';
import { todayInEngland } from '@scrt/working-days';

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
