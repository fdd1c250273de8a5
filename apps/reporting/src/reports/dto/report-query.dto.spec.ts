import { createValidationPipe, ValidationFailedError } from '@scrt/http';
import { ReportQueryDto } from './report-query.dto.js';

const validate = (query: Record<string, string>) => createValidationPipe().transform(query, { type: 'query', metatype: ReportQueryDto });

describe('ReportQueryDto', () => {
  it('accepts a period of real dates within the report years', async () => {
    await expect(validate({ from: '1900-01-01', to: '2100-12-31' })).resolves.toEqual({ from: '1900-01-01', to: '2100-12-31' });
  });

  it.each([
    ['to', '9999-12-31'],
    ['to', '2101-01-01'],
    ['from', '0000-01-01'],
    ['from', '1899-12-31'],
  ])('refuses %s=%s as outside the report years', async (field, value) => {
    const refusal = await validate({ [field]: value }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailedError);
    expect((refusal as ValidationFailedError).errors).toContainEqual(expect.objectContaining({ field, code: 'WITHIN_REPORT_YEARS' }));
  });

  it.each(['2026-02-30', '2026-1-01', 'yesterday'])('refuses %s as not a date', async (value) => {
    await expect(validate({ to: value })).rejects.toBeInstanceOf(ValidationFailedError);
  });
});

describe('ReportQueryDto filters', () => {
  it('accepts a period grouping and codes', async () => {
    await expect(validate({ period: 'financialYear', reviewType: 'SAR', regionCode: 'Y63', organisationCode: 'QWO' })).resolves.toMatchObject({ period: 'financialYear' });
    await expect(validate({ area: 'region' })).resolves.toMatchObject({ area: 'region' });
  });

  it.each([
    ['period', 'week'],
    ['area', 'organisation'],
    ['regionCode', 'London'],
    ['organisationCode', 'qwo'],
    ['reviewType', '=cmd'],
  ])('refuses %s=%s naming the field', async (field, value) => {
    const refusal = await validate({ [field]: value }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailedError);
    expect((refusal as ValidationFailedError).errors).toContainEqual(expect.objectContaining({ field }));
  });
});
