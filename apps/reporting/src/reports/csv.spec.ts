import { csvCell, csvLine } from './csv.js';

describe('CSV cells', () => {
  it.each(['=1+1', '+44 1234', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])('neutralises %j, which a spreadsheet would run as a formula', (text) => {
    expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
  });

  it('keeps numbers (negative too), codes and empty cells as they are', () => {
    expect(csvLine([-3, 'QWO', null, 'SAR', 0.25])).toBe("-3,QWO,,SAR,0.25\r\n");
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=x,"y"')).toBe('"\'=x,""y"""');
  });
});
