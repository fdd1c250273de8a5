import { readCsvTable } from './csv-table.js';

describe('readCsvTable', () => {
  it('keys rows by header and numbers them by the line they start on', () => {
    const table = readCsvTable('name,kind\r\nLeeds SAB,SAB\n\n"Bradford, Keighley",LSCP\n');
    expect(table.columns).toEqual(['name', 'kind']);
    expect(table.records).toEqual([
      { line: 2, values: { name: 'Leeds SAB', kind: 'SAB' } },
      { line: 4, values: { name: 'Bradford, Keighley', kind: 'LSCP' } },
    ]);
  });

  it('keeps doubled quotes and line breaks inside quoted fields, counting the lines', () => {
    const table = readCsvTable('name,kind\n"The ""Best""\nPartnership",CSP\nLast,SAB');
    expect(table.records).toEqual([
      { line: 2, values: { name: 'The "Best"\nPartnership', kind: 'CSP' } },
      { line: 4, values: { name: 'Last', kind: 'SAB' } },
    ]);
  });

  it('gives missing trailing fields as empty', () => {
    expect(readCsvTable('a,b,c\n1').records).toEqual([{ line: 2, values: { a: '1', b: '', c: '' } }]);
  });

  it('has no rows for an empty text', () => {
    expect(readCsvTable('')).toEqual({ columns: [], records: [] });
  });
});
