import { describe, expect, it } from '@jest/globals';
import { validateAs } from '@scrt/http';
import { CASE_INPUT_EXAMPLE, CaseInputDto } from '../dto/case-input.dto.js';
import { changedItems, completeFields, freeTextOf, wellFormedItems } from './case-input.js';

describe('a case body', () => {
  it('the documented example is well formed', async () => {
    expect((await validateAs(CaseInputDto, CASE_INPUT_EXAMPLE)).problems).toEqual([]);
  });

  it('reports every shape problem at once, by path', async () => {
    const body = { ...CASE_INPUT_EXAMPLE, incidentDate: '2026-02-30', themes: ['NEGLECT', 'not a code'], identifiers: [{ type: 'STEIS' }], briefInformation: '', patientName: 'x' };
    const { problems } = await validateAs(CaseInputDto, body);
    expect(problems.map((problem) => `${problem.field} ${problem.code}`).sort()).toEqual([
      'briefInformation IS_LENGTH',
      'identifiers.0.value IS_LENGTH',
      'identifiers.0.value IS_STRING',
      'incidentDate IS_ISO8601',
      'patientName UNKNOWN_FIELD',
      'themes MATCHES',
    ]);
  });

  it('keeps for the rules only the items whose shape is right', async () => {
    const body = { ...CASE_INPUT_EXAMPLE, incidentDate: 'soon', identifiers: [{ type: 'STEIS' }] };
    const items = wellFormedItems(body, (await validateAs(CaseInputDto, body)).problems);
    expect(items).not.toHaveProperty('incidentDate');
    expect(items).not.toHaveProperty('identifiers');
    expect(items).toMatchObject({ dateAdded: CASE_INPUT_EXAMPLE.dateAdded, themes: CASE_INPUT_EXAMPLE.themes });
  });

  it('completes absent optional items with null and lists the free text', () => {
    const fields = completeFields({ ...CASE_INPUT_EXAMPLE, identifiers: undefined, comments: undefined });
    expect(fields).toMatchObject({ identifiers: [], comments: null, partnershipId: null, subIcbLocationCode: null });
    expect(freeTextOf(fields)).toEqual({ briefInformation: CASE_INPUT_EXAMPLE.briefInformation, comments: null, locality: 'Northtown', partnershipName: null });
  });

  it('states each changed item with its old and new value', () => {
    const before = completeFields(CASE_INPUT_EXAMPLE);
    const after = { ...before, themes: ['NEGLECT'], comments: null };
    expect(changedItems(before, after)).toEqual([
      { field: 'themes', oldValue: ['NEGLECT', 'EMOTIONAL'], newValue: ['NEGLECT'] },
      { field: 'comments', oldValue: CASE_INPUT_EXAMPLE.comments, newValue: null },
    ]);
    expect(changedItems(before, { ...before })).toEqual([]);
  });
});
