import { describe, expect, it } from '@jest/globals';
import { fieldError, valuesFromBody, valuesFromCase } from '../cases/case-form/case-form.js';
import { caseFormViewModel } from '../cases/case-form/case-form.view-model.js';
import { caseListViewModel, filtersFromQuery } from '../cases/case-list/case-list.view-model.js';
import { CASE_CODE_LISTS, type CaseCodes } from '../cases/reference-lists.js';
import { viewCaseViewModel } from '../cases/view-case/view-case.view-model.js';
import { withdrawViewModel } from '../cases/withdraw-case/withdraw-case.form.js';
import { recordedCase } from '../testing/recorded-case.js';
import { renderPage, testSession } from '../testing/render-page.js';

const codes = Object.fromEntries(CASE_CODE_LISTS.map((list) => [list, []])) as unknown as CaseCodes;
codes['review-types'] = [{ code: 'RAPID_REVIEW', label: 'Rapid review', sortOrder: 1, deprecated: false }, { code: 'OLD', label: 'Old review', sortOrder: 2, deprecated: true }];
codes['abuse-themes'] = [{ code: 'NEGLECT', label: 'Neglect', sortOrder: 1, deprecated: false }];
codes['subject-groups'] = [{ code: 'CHILD', label: 'Child', sortOrder: 1, deprecated: false }, { code: 'ADULT', label: 'Adult', sortOrder: 2, deprecated: false }];

const record = recordedCase({
  reviewType: 'OLD',
  themes: ['NEGLECT'],
  briefInformation: 'Brief <script>alert(1)</script>',
  identifiers: [],
  partnershipName: 'Northshire partnership',
  locality: null,
  subIcbLocationCode: null,
  personalDataWarnings: [{ field: 'briefInformation', kind: 'postcode', start: 3, end: 10 }],
  updatedAt: '2026-09-17T10:00:00.000Z',
  version: 2,
});

describe('record and edit form', () => {
  it('with errors: summary first, each field with its message, the values as typed, the personal-data warning, hidden _csrf', () => {
    const errors = [fieldError('reviewType', 'Select the type of review'), fieldError('incidentDate', 'Enter the date of the incident')];
    const form = caseFormViewModel({ mode: 'record', values: valuesFromBody({ briefInformation: 'typed <b>text</b>' }), errors, codes, partnerships: [], idempotencyKey: 'key-1' });
    const $ = renderPage('cases/form.njk', { form, errorList: form.errorList }, testSession(), '/cases/new');
    expect($('head > title').text()).toBe('Error: Record a case - Safeguarding Case Review Tracker');
    expect($('main .nhsuk-error-summary a').map((_, link) => $(link).attr('href')).get()).toEqual(['#reviewType', '#incidentDate-day']);
    expect($('#reviewType-error').text()).toContain('Select the type of review');
    expect($('#incidentDate-day').hasClass('nhsuk-input--error')).toBe(true);
    expect($('textarea#briefInformation').text()).toBe('typed <b>text</b>');
    expect($('.nhsuk-character-count [data-maxlength="2000"], .nhsuk-character-count[data-maxlength="2000"]').length).toBeGreaterThan(0);
    expect($('.nhsuk-inset-text').text()).toContain('Never enter details that could identify a person');
    expect($('form input[name=_csrf]').val()).toBe('csrf-token-1');
    expect($('form input[name=idempotencyKey]').val()).toBe('key-1');
    expect($('select#reviewType option').map((_, option) => $(option).attr('value')).get()).toEqual(['', 'RAPID_REVIEW']);
  });

  it('edit: the version it was filled in against, a deprecated code kept where the case holds it, the conflict message', () => {
    const form = caseFormViewModel({ mode: 'edit', values: valuesFromCase(record), errors: [], codes, partnerships: [], caseId: record.id, version: 2 });
    const $ = renderPage('cases/form.njk', { form, errorList: [], conflict: true }, testSession());
    expect($('form:has(input[name=version])').attr('action')).toBe(`/cases/${record.id}/edit`);
    expect($('form input[name=version]').val()).toBe('2');
    expect($('select#reviewType option[selected]').text()).toContain('Old review (no longer used for new cases)');
    expect($('main .nhsuk-card--warning').text()).toContain('Someone else changed this case');
    expect($('#incidentDate-day').val()).toBe('14');
  });
});

describe('case list', () => {
  it('filters kept in a GET form, a table of cases with status tags, pagination to the next cursor', () => {
    const filters = filtersFromQuery({ q: 'rapid', reviewType: 'RAPID_REVIEW' });
    const list = caseListViewModel({ filters, page: { items: [record, { ...record, id: '0192f5c4-0000-7000-8000-00000000000a', status: 'withdrawn' }], nextCursor: 'c2' }, errors: [], codes, seesSeveralOrganisations: true, canRecord: false });
    const $ = renderPage('cases/list.njk', { list, errorList: [] }, testSession(), '/cases');
    expect($('form[method=get] input#q').val()).toBe('rapid');
    expect($('input#organisationCode')).toHaveLength(1);
    expect($('table tbody tr')).toHaveLength(2);
    expect($('table tbody tr').first().find('a').attr('href')).toBe(`/cases/${record.id}`);
    expect($('table .nhsuk-tag').map((_, tag) => $(tag).text().trim()).get()).toEqual(['Open', 'Withdrawn']);
    expect($('.nhsuk-pagination a').attr('href')).toBe('/cases?q=rapid&reviewType=RAPID_REVIEW&cursor=c2');
    expect($('main a.nhsuk-button[href="/cases/new"]')).toHaveLength(0);
  });
});

describe('case page', () => {
  it('summary list, the personal-data warning, history and view log; text escaped; change links only for who may change', () => {
    const history = [{ version: 2, changedAt: '2026-09-17T10:00:00.000Z', changedBy: 'u2', field: 'themes', oldValue: ['NEGLECT', 'X'], newValue: ['NEGLECT'] }];
    const views = [{ at: '2026-09-18T10:00:00.000Z', actorSubject: 'u3', actorKind: 'user', actorRoleId: 'r3', actorOrganisationCode: 'Y63', action: 'read', outcome: 'success' }];
    const view = viewCaseViewModel({ record, history, views, codes, partnerships: [], canUpdate: true });
    const $ = renderPage('cases/view.njk', { view }, testSession());
    expect($('h1').text()).toContain('Case 0192F5C4');
    expect($('.nhsuk-summary-list').first().text()).toContain('Brief <script>alert(1)</script>');
    expect($.html()).not.toContain('<script>alert(1)</script>');
    expect($('main .nhsuk-card--warning').text()).toContain('Brief case information may contain a postcode (characters 4 to 10)');
    expect($('table').first().text()).toMatch(/Themes[\s\S]*Neglect, X[\s\S]*Neglect/);
    expect($('table').last().text()).toContain('Y63');
    expect($(`a[href="/cases/${record.id}/edit"]`)).toHaveLength(1);
    const readOnly = renderPage('cases/view.njk', { view: viewCaseViewModel({ record, history: [], views: [], codes, partnerships: [], canUpdate: false }) }, testSession());
    expect(readOnly('a[href*="/edit"], a[href*="/withdraw"]')).toHaveLength(0);
  });

  it('withdraw form: reason with a character count, the version, _csrf', () => {
    const withdraw = withdrawViewModel(record.id, 2, '', [fieldError('reason', 'Enter why the case is withdrawn')]);
    const $ = renderPage('cases/withdraw.njk', { withdraw, errorList: [{ href: '#reason', text: 'Enter why the case is withdrawn' }] }, testSession());
    expect($('.nhsuk-error-summary a').attr('href')).toBe('#reason');
    expect($('textarea#reason')).toHaveLength(1);
    expect($('form input[name=version]').val()).toBe('2');
    expect($('form input[name=_csrf]').val()).toBe('csrf-token-1');
  });
});
