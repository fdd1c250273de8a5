import { describe, expect, it } from '@jest/globals';
import { recordedCase } from '../../testing/recorded-case.js';
import { changesOf, errorsFromProblem, formFieldOf, isoDateOf, toCaseInput, valuesFromBody, valuesFromCase } from './case-form.js';

const validBody = {
  reviewType: 'RAPID_REVIEW',
  'incidentDate[day]': '14',
  'incidentDate[month]': '9',
  'incidentDate[year]': '2026',
  'dateAdded[day]': '16',
  'dateAdded[month]': '09',
  'dateAdded[year]': '2026',
  subjectGroup: 'CHILD',
  theme1: 'NEGLECT',
  theme2: 'EMOTIONAL',
  theme3: '',
  briefInformation: 'Rapid review notified by the local authority.',
  identifierType1: 'STEIS',
  identifierValue1: ' 2026/12345 ',
  identifierType2: '',
  identifierValue2: '',
  partnershipName: '',
  locality: 'Northtown',
  comments: '',
  subIcbLocationCode: '15n',
};

const record = recordedCase();

describe('case form', () => {
  it('turns the flat body into the shared CaseInput: dates, themes in order, filled identifiers, nulls for empty optional items', () => {
    expect(toCaseInput(valuesFromBody(validBody))).toEqual({
      errors: [],
      input: {
        reviewType: 'RAPID_REVIEW',
        incidentDate: '2026-09-14',
        dateAdded: '2026-09-16',
        subjectGroup: 'CHILD',
        themes: ['NEGLECT', 'EMOTIONAL'],
        briefInformation: 'Rapid review notified by the local authority.',
        identifiers: [{ type: 'STEIS', value: '2026/12345' }],
        partnershipId: null,
        partnershipName: null,
        designatedProfessional: null,
        ageBand: null,
        locality: 'Northtown',
        setting: null,
        comments: null,
        subIcbLocationCode: '15N',
      },
    });
  });

  it('reports every missing item and unreal date together, in page order, linking to the field (dates to their day)', () => {
    const { input, errors } = toCaseInput(valuesFromBody({ 'incidentDate[day]': '31', 'incidentDate[month]': '2', 'incidentDate[year]': '2026', identifierValue2: 'LOCAL-1' }));
    expect(input).toBeUndefined();
    expect(errors.map(({ field, href }) => [field, href])).toEqual([
      ['reviewType', '#reviewType'],
      ['incidentDate', '#incidentDate-day'],
      ['dateAdded', '#dateAdded-day'],
      ['subjectGroup', '#subjectGroup'],
      ['theme1', '#theme1'],
      ['briefInformation', '#briefInformation'],
      ['identifierType2', '#identifierType2'],
    ]);
    expect(errors[1].text).toBe('Date of the incident must be a real date, for example 14 9 2026');
    expect(errors[2].text).toBe('Enter the date added');
  });

  it('knows a real date', () => {
    expect(isoDateOf({ day: '29', month: '2', year: '2028' })).toBe('2028-02-29');
    for (const parts of [{ day: '29', month: '2', year: '2027' }, { day: '1', month: '13', year: '2026' }, { day: 'x', month: '1', year: '2026' }, { day: '1', month: '1', year: '26' }]) {
      expect(isoDateOf(parts)).toBeUndefined();
    }
  });

  it('shows a recorded case as the edit form, and sends only what changed (null clears)', () => {
    const values = valuesFromCase(record);
    expect(values.incidentDate).toEqual({ day: '14', month: '9', year: '2026' });
    expect(values.identifiers).toHaveLength(3);
    const { input } = toCaseInput({ ...values, theme2: '', locality: '', setting: 'OWN_HOME' });
    expect(changesOf(record, input!)).toEqual({ themes: ['NEGLECT'], locality: null, setting: 'OWN_HOME' });
    expect(changesOf(record, toCaseInput(values).input!)).toEqual({});
  });

  it('finds the form field of a service problem by JSON pointer, or by dotted field', () => {
    expect(formFieldOf({ pointer: '/themes/1', code: 'DUPLICATE_THEME', message: '' })).toBe('theme2');
    expect(formFieldOf({ pointer: '/identifiers/0/value', code: 'INVALID_STEIS_NUMBER', message: '' })).toBe('identifierValue1');
    expect(formFieldOf({ field: 'identifiers.2.type', code: 'UNKNOWN_CODE', message: '' })).toBe('identifierType3');
    expect(formFieldOf({ pointer: '/incidentDate', code: 'NOT_IN_THE_FUTURE', message: '' })).toBe('incidentDate');
  });

  it('maps the service\'s field problems onto the form, in page order, in words for people, never echoing the text', () => {
    const errors = errorsFromProblem([
      { field: 'comments', pointer: '/comments', code: 'PERSONAL_DATA_NHS_NUMBER', message: 'comments holds what looks like an NHS number at 4-16' },
      { field: 'themes.1', pointer: '/themes/1', code: 'DUPLICATE_THEME', message: 'theme 2 repeats theme 1' },
      { field: 'incidentDate', pointer: '/incidentDate', code: 'NOT_IN_THE_FUTURE', message: 'incidentDate must not be in the future' },
      { field: 'briefInformation', pointer: '/briefInformation', code: 'PERSONAL_DATA_POSTCODE', message: '...' },
      { field: 'briefInformation', pointer: '/briefInformation', code: 'PERSONAL_DATA_EMAIL_ADDRESS', message: '...' },
      { field: 'locality', pointer: '/locality', code: 'SOMETHING_NEW', message: 'locality is wrong' },
    ]);
    expect(errors).toEqual([
      { field: 'incidentDate', href: '#incidentDate-day', text: 'Date of the incident must be today or in the past' },
      { field: 'theme2', href: '#theme2', text: 'Theme 2 must be different from the themes before it' },
      { field: 'briefInformation', href: '#briefInformation', text: 'Brief case information looks like it contains a postcode. Remove it: do not enter details that could identify a person' },
      { field: 'locality', href: '#locality', text: 'locality is wrong' },
      { field: 'comments', href: '#comments', text: 'Comments looks like it contains an NHS number. Remove it: do not enter details that could identify a person' },
    ]);
  });
});
