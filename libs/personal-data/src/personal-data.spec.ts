import { findPersonalData, findPersonalDataIn, isValidNhsNumber, type PersonalDataKind } from './personal-data.js';

/** The kinds found in a text, each with the text it covers (for the test's eyes only). */
const found = (text: string) => findPersonalData(text).map(({ kind, start, end }) => [kind, text.slice(start, end)]);

describe('NHS number check digit (modulus 11)', () => {
  it.each([
    ['9434765919', true],
    ['9434765870', true],
    ['4010232137', true],
    ['9434765918', false],
    ['1234567890', false],
    ['943476591', false],
  ])('%s valid: %s', (digits, valid) => {
    expect(isValidNhsNumber(digits)).toBe(valid);
  });

  it('never accepts a number whose check digit would be 10, whatever its last digit', () => {
    // 000000006x: weighted sum 6 * 2 = 12, 11 - (12 mod 11) = 10
    for (let last = 0; last <= 9; last += 1) expect(isValidNhsNumber(`000000006${last}`)).toBe(false);
  });
});

describe('findPersonalData', () => {
  it.each<[string, string, [PersonalDataKind, string][]]>([
    ['an NHS number', 'Child NHS 9434765919 seen', [['nhs-number', '9434765919']]],
    ['an NHS number with spaces', 'nhs no 943 476 5919.', [['nhs-number', '943 476 5919']]],
    ['an NHS number with hyphens', 'ref 943-476-5919', [['nhs-number', '943-476-5919']]],
    ['a date written with slashes', 'seen on 12/03/2015 by GP', [['date-of-birth', '12/03/2015']]],
    ['a date with a two-digit year', 'born 1/3/15', [['date-of-birth', '1/3/15']]],
    ['a date with dots', 'on 12.03.2015', [['date-of-birth', '12.03.2015']]],
    ['an ISO date', 'since 2015-03-12', [['date-of-birth', '2015-03-12']]],
    ['a date in words', 'born 12 March 2015 in Leeds', [['date-of-birth', '12 March 2015']]],
    ['a date in words with an ordinal', 'on the 1st of Sept 2014', [['date-of-birth', '1st of Sept 2014']]],
    ['a date month first', 'on March 12, 2015', [['date-of-birth', 'March 12, 2015']]],
    ['DOB with its date', 'DOB: 12/03/2015', [['date-of-birth', 'DOB: 12/03/2015']]],
    ['D.O.B. alone', 'D.O.B. withheld', [['date-of-birth', 'D.O.B.']]],
    ['date of birth in words', 'date of birth 3 May 2010', [['date-of-birth', 'date of birth 3 May 2010']]],
    ['a postcode', 'lives at LS1 4AP now', [['postcode', 'LS1 4AP']]],
    ['a postcode without a space, lower case', 'ls14ap', [['postcode', 'ls14ap']]],
    ['a London postcode', 'EC1A 1BB', [['postcode', 'EC1A 1BB']]],
    ['a mobile number', 'call 07700 900123', [['phone-number', '07700 900123']]],
    ['a landline with an area code in brackets', 'tel (0113) 496 0000', [['phone-number', '(0113) 496 0000']]],
    ['an international number', 'on +44 7700 900123', [['phone-number', '+44 7700 900123']]],
    ['an e-mail address', 'mail jo.bloggs+x@example.nhs.uk today', [['email-address', 'jo.bloggs+x@example.nhs.uk']]],
    ['several kinds at once', 'NHS 9434765919, DOB 01/02/2010, LS1 4AP', [['nhs-number', '9434765919'], ['date-of-birth', 'DOB 01/02/2010'], ['postcode', 'LS1 4AP']]],
  ])('finds %s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['ten digits failing the check digit', 'order 1234567890'],
    ['an impossible date', 'on 31/02/2015'],
    ['a month and year only', 'in March 2015'],
    ['a year alone', 'since 2015'],
    ['a StEIS number', 'StEIS 2026/12345'],
    ['an ODS code and a review type', 'QWO RAPID_REVIEW'],
    ['a number too short to be a phone number', 'room 0113 49'],
    ['a number in an unused range', '04123 456789'],
    ['a time', 'at 10:30 on Monday'],
    ['plain prose', 'Rapid review notified by the local authority after a serious incident.'],
    ['an empty text', ''],
  ])('finds nothing in %s', (_label, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('gives character ranges, end exclusive', () => {
    expect(findPersonalData('NHS 9434765919')).toEqual([{ kind: 'nhs-number', start: 4, end: 14 }]);
  });

  it('reports an overlap once: a valid NHS number is not also a phone number', () => {
    expect(findPersonalData('NHS 943 476 5919').map((match) => match.kind)).toEqual(['nhs-number']);
  });
});

describe('findPersonalDataIn', () => {
  it('names the field of each match and skips absent texts, never returning the text', () => {
    const findings = findPersonalDataIn({ briefInformation: 'NHS 9434765919', comments: null, locality: undefined, partnershipName: 'LS1 4AP' });
    expect(findings).toEqual([
      { field: 'briefInformation', kind: 'nhs-number', start: 4, end: 14 },
      { field: 'partnershipName', kind: 'postcode', start: 0, end: 7 },
    ]);
    expect(JSON.stringify(findings)).not.toContain('9434765919');
  });
});
