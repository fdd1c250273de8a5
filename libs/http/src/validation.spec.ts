import { describe, expect, it } from '@jest/globals';
import { IsString, Length } from 'class-validator';
import { ValidationFailedError } from './domain-error.js';
import { createValidationPipe, validateAs } from './validation.js';

class Sample {
  @IsString() @Length(1, 5) name: string;
}

describe('the validation pipe', () => {
  it('reports a reserved key together with class-validator\'s problems, not instead of them', async () => {
    const body = JSON.parse('{"name": 7, "constructor": {"prototype": {}}}') as unknown;
    const refusal = await createValidationPipe()
      .transform(body, { type: 'body', metatype: Sample })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailedError);
    expect((refusal as ValidationFailedError).errors?.map((problem) => `${problem.field} ${problem.code}`).sort()).toEqual(['constructor UNKNOWN_FIELD', 'name IS_LENGTH', 'name IS_STRING']);
  });

  it('still refuses a reserved key alone', async () => {
    const refusal = await createValidationPipe()
      .transform(JSON.parse('{"name": "ok", "__proto__": {}}') as unknown, { type: 'body', metatype: Sample })
      .catch((error: unknown) => error);
    expect((refusal as ValidationFailedError).errors).toEqual([{ field: '__proto__', code: 'UNKNOWN_FIELD', message: '__proto__ is not a known field' }]);
  });
});

describe('validateAs', () => {
  it('returns the instance when the body is valid', async () => {
    const { value, problems } = await validateAs(Sample, { name: 'ok' });
    expect(problems).toEqual([]);
    expect(value).toBeInstanceOf(Sample);
  });

  it('returns every problem, unknown fields included, and no instance', async () => {
    const { value, problems } = await validateAs(Sample, { name: '', extra: 1 });
    expect(value).toBeUndefined();
    expect(problems.map((problem) => `${problem.field} ${problem.code}`).sort()).toEqual(['extra UNKNOWN_FIELD', 'name IS_LENGTH']);
  });

  it.each([[null], [[1]], ['text'], [undefined]])('refuses a body that is not an object (%p)', async (body) => {
    expect((await validateAs(Sample, body)).problems).toEqual([{ field: '', pointer: '', code: 'INVALID_BODY', message: 'The body must be a JSON object' }]);
  });
});
