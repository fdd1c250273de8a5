import { createValidationPipe, ValidationFailedError } from '@scrt/http';
import { TimescaleVersionQuery } from './timescale.dto.js';

const validate = (query: Record<string, string>) => createValidationPipe().transform(query, { type: 'query', metatype: TimescaleVersionQuery });

describe('TimescaleVersionQuery', () => {
  it('takes a version number', async () => {
    await expect(validate({ version: '3' })).resolves.toEqual({ version: 3 });
  });

  // The API fuzzer found `version=3e156` answered 500: an integer to JavaScript, an overflow to PostgreSQL.
  it.each(['3e156', '2147483648', '0', '1.5'])('refuses version=%s before it reaches the database', async (version) => {
    const refusal = await validate({ version }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailedError);
    expect((refusal as ValidationFailedError).errors).toContainEqual(expect.objectContaining({ field: 'version' }));
  });
});
