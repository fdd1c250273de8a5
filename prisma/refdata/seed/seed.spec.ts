import { parseCsvLine, parseOrganisations } from './seed.js';

describe('organisation seed parsing', () => {
  it('keeps commas inside quoted names', () => {
    expect(parseCsvLine('QOX,"NHS Bath and North East Somerset, Swindon and Wiltshire ICB",icb,Y58,2022-07-01')).toEqual([
      'QOX',
      'NHS Bath and North East Somerset, Swindon and Wiltshire ICB',
      'icb',
      'Y58',
      '2022-07-01',
    ]);
  });

  it('maps rows to columns, with an empty parent for regions', () => {
    const rows = parseOrganisations('ods_code,name,type,parent_ods_code,effective_from\nY63,North East and Yorkshire,region,,2020-04-01\n');
    expect(rows).toEqual([{ ods_code: 'Y63', name: 'North East and Yorkshire', type: 'region', parent_ods_code: '', effective_from: '2020-04-01' }]);
  });
});
