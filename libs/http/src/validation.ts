import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidatorOptions } from 'class-validator';
import { ValidationFailedError } from './domain-error.js';
import type { FieldProblem } from './problem.js';
import { reservedKeyProblems } from './reserved-keys.js';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : constraintCode(constraint),
      message: constraint === 'whitelistValidation' ? `${field} is not a known field` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function constraintCode(constraint: string): string {
  return constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function toFieldProblems(errors: ValidationError[]): FieldProblem[] {
  return flatten(errors);
}

/** class-validator sees an own `__proto__` key too: one problem per field and code. */
const withoutRepeats = (problems: FieldProblem[]) => problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field && other.code === problem.code) === index);

const VALIDATOR_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/** Reports reserved keys and class-validator's problems together: one does not hide the other. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return super.transform(value, metadata);
    const reserved = reservedKeyProblems(value);
    try {
      const transformed = await super.transform(value, metadata);
      if (reserved.length > 0) throw new ValidationFailedError(reserved);
      return transformed;
    } catch (error) {
      if (reserved.length === 0 || !(error instanceof ValidationFailedError)) throw error;
      throw new ValidationFailedError(withoutRepeats([...reserved, ...(error.errors ?? [])]));
    }
  }
}

/** Rejects unknown fields and reports every invalid one, by path, with a stable code. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}

/**
 * The checks of the global pipe, without throwing: for a use case that adds its own checks and
 * reports every problem together (the body is then read with a parameter decorator the pipe
 * leaves alone, e.g. `@RawBody()`). `value` is the instance only when there were no problems.
 */
export async function validateAs<T extends object>(type: ClassConstructor<T>, plain: unknown): Promise<{ value?: T; problems: FieldProblem[] }> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { problems: [{ field: '', pointer: '', code: 'INVALID_BODY', message: 'The body must be a JSON object' }] };
  }
  const instance = plainToInstance(type, plain);
  const problems = withoutRepeats([...reservedKeyProblems(plain), ...flatten(await validate(instance, VALIDATOR_OPTIONS))]);
  return problems.length > 0 ? { problems } : { value: instance, problems };
}
