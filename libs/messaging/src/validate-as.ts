import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

function describeProblems(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describeProblems(error.children ?? [], path)];
  });
}

/**
 * `plain` as an instance of `cls`, validated strictly (unknown fields rejected); otherwise throws
 * the error `invalid` makes from the list of problems.
 */
export function validateAs<T extends object>(cls: new () => T, plain: unknown, invalid: (problems: string[]) => Error): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) throw invalid([`expected a ${cls.name} object`]);
  const instance = plainToInstance(cls, plain);
  const problems = describeProblems(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }));
  if (problems.length > 0) throw invalid(problems);
  return instance;
}
