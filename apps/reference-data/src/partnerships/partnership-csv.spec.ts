import { readPartnershipCsv } from './partnership-csv.js';

const HEADER = 'name,kind,local_authorities,icb_ods_codes,effective_from,effective_to';

describe('readPartnershipCsv', () => {
  it('reads lists separated by semicolons', async () => {
    const { rows, problems } = await readPartnershipCsv(`${HEADER}\n"Bradford, Calderdale and Kirklees CSP",CSP,Bradford;Calderdale; Kirklees,QWO,2020-04-01,\n`);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        partnership: expect.objectContaining({ name: 'Bradford, Calderdale and Kirklees CSP', kind: 'CSP', localAuthorities: ['Bradford', 'Calderdale', 'Kirklees'], icbOdsCodes: ['QWO'], effectiveFrom: '2020-04-01' }),
      },
    ]);
  });

  it('reports every problem of every row with its line and column', async () => {
    const csv = [HEADER, 'Good SAB,SAB,Leeds,QWO,2019-04-01,', 'Bad,XYZ,,qwo,2019-02-30,', ',LSCP,Leeds,QWO,2019-04-01,2020-13-01'].join('\n');
    const { rows, problems } = await readPartnershipCsv(csv);
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(problems.map(({ line, column }) => `${line}:${column}`).sort()).toEqual(
      ['3:kind', '3:local_authorities', '3:icb_ods_codes', '3:effective_from', '4:name', '4:effective_to'].sort(),
    );
    expect(problems.find((problem) => problem.line === 3 && problem.column === 'kind')).toEqual({
      line: 3,
      column: 'kind',
      field: 'line 3, kind',
      pointer: '/csv',
      code: 'IS_IN',
      message: 'kind must be one of LSCP, SAB, CSP',
    });
  });

  it('names the missing columns of the header', async () => {
    const { problems } = await readPartnershipCsv('name,kind\nX,SAB\n');
    expect(problems.map((problem) => [problem.line, problem.column, problem.code])).toEqual([
      [1, 'local_authorities', 'MISSING_COLUMN'],
      [1, 'icb_ods_codes', 'MISSING_COLUMN'],
      [1, 'effective_from', 'MISSING_COLUMN'],
    ]);
  });
});
