import type { CaseCodes, Code, Partnership } from '../reference-lists.js';
import { BRIEF_INFORMATION_MAX, COMMENTS_MAX, type CaseFormValues, type DateParts, type FieldError } from './case-form.js';

interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

type ErrorMessage = { text: string } | undefined;

export interface CaseFormPage {
  pageTitle: string;
  caption: string;
  action: string;
  submitText: string;
  cancelHref: string;
  errorList: { text: string; href: string }[];
  hidden: Record<string, string>;
  fields: Record<string, object>;
  identifierRows: { type: object; value: object }[];
}

export interface CaseFormContext {
  mode: 'record' | 'edit';
  values: CaseFormValues;
  errors: FieldError[];
  codes: CaseCodes;
  partnerships: Partnership[];
  /** Edit: the case and the version the form was filled in against (sent back as If-Match). */
  caseId?: string;
  version?: number;
  /** Record: the key that makes a resubmitted form record the case once. */
  idempotencyKey?: string;
}

const PERSONAL_DATA_HINT = 'Do not enter names, NHS numbers, dates of birth, addresses, postcodes, phone numbers or email addresses.';

/** Codes a new choice may use; a deprecated one stays listed only where the case already holds it. */
function selectItems(codes: Code[], selected: string, placeholder: string): SelectItem[] {
  const usable = codes.filter((code) => !code.deprecated || code.code === selected);
  return [
    { value: '', text: placeholder, ...(selected === '' && { selected: true }) },
    ...usable.map((code) => ({ value: code.code, text: code.deprecated ? `${code.label} (no longer used for new cases)` : code.label, ...(code.code === selected && { selected: true }) })),
  ];
}

function dateInput(id: string, legend: string, hint: string, parts: DateParts, error: ErrorMessage): object {
  const width = (name: keyof DateParts) => (name === 'year' ? 'nhsuk-input--width-4' : 'nhsuk-input--width-2');
  return {
    id,
    namePrefix: id,
    fieldset: { legend: { text: legend, size: 's' } },
    hint: { text: hint },
    errorMessage: error,
    items: (['day', 'month', 'year'] as const).map((name) => ({ name, value: parts[name], classes: `${width(name)}${error ? ' nhsuk-input--error' : ''}` })),
  };
}

/** The macro parameters of the record and edit forms, complete before rendering. */
export function caseFormViewModel(context: CaseFormContext): CaseFormPage {
  const { values, codes, errors, mode } = context;
  const errorOf = (field: string): ErrorMessage => {
    const error = errors.find((candidate) => candidate.field === field);
    return error && { text: error.text };
  };
  const select = (id: string, label: string, list: Code[], placeholder = 'Select an option', hint?: string) => ({
    id,
    name: id,
    label: { text: label, size: 's' },
    ...(hint && { hint: { text: hint } }),
    items: selectItems(list, String(values[id as keyof CaseFormValues] ?? ''), placeholder),
    errorMessage: errorOf(id),
  });
  const textInput = (id: string, label: string, hint?: string, classes = 'nhsuk-u-width-two-thirds') => ({
    id,
    name: id,
    label: { text: label, size: 's' },
    ...(hint && { hint: { text: hint } }),
    value: String(values[id as keyof CaseFormValues] ?? ''),
    classes,
    errorMessage: errorOf(id),
  });
  const partnershipItems: Code[] = context.partnerships.map((partnership, index) => ({ code: partnership.id, label: partnership.name, sortOrder: index, deprecated: false }));
  const recording = mode === 'record';
  return {
    pageTitle: recording ? 'Record a case' : 'Edit case',
    caption: recording ? 'New case' : `Case ${context.caseId ?? ''}`,
    action: recording ? '/cases/new' : `/cases/${context.caseId}/edit`,
    submitText: recording ? 'Record case' : 'Save changes',
    cancelHref: recording ? '/cases' : `/cases/${context.caseId}`,
    errorList: errors.map(({ text, href }) => ({ text, href })),
    hidden: {
      identifierRows: String(values.identifiers.length),
      ...(context.version !== undefined && { version: String(context.version) }),
      ...(context.idempotencyKey && { idempotencyKey: context.idempotencyKey }),
    },
    fields: {
      reviewType: select('reviewType', 'Type of review', codes['review-types'], 'Select the type of review'),
      incidentDate: dateInput('incidentDate', 'Date of the incident', 'For example, 14 9 2026', values.incidentDate, errorOf('incidentDate')),
      dateAdded: dateInput('dateAdded', 'Date added', 'The date the case was referred to, or decided on by, the case review group. For example, 16 9 2026', values.dateAdded, errorOf('dateAdded')),
      subjectGroup: {
        idPrefix: 'subjectGroup',
        name: 'subjectGroup',
        classes: 'nhsuk-radios--inline',
        fieldset: { legend: { text: 'Subject group', size: 's' } },
        errorMessage: errorOf('subjectGroup'),
        items: codes['subject-groups'].filter((code) => !code.deprecated || code.code === values.subjectGroup).map((code) => ({ value: code.code, text: code.label, checked: code.code === values.subjectGroup })),
      },
      ageBand: select('ageBand', 'Age band (optional)', codes['age-bands'], 'Not known'),
      theme1: select('theme1', 'Theme 1', codes['abuse-themes'], 'Select theme 1', 'The main abuse or vulnerability theme'),
      theme2: select('theme2', 'Theme 2 (optional)', codes['abuse-themes'], 'None'),
      theme3: select('theme3', 'Theme 3 (optional)', codes['abuse-themes'], 'None'),
      briefInformation: {
        id: 'briefInformation',
        name: 'briefInformation',
        maxlength: BRIEF_INFORMATION_MAX,
        rows: 6,
        label: { text: 'Brief case information', size: 's' },
        hint: { text: `Keep it short and factual. ${PERSONAL_DATA_HINT}` },
        value: values.briefInformation,
        errorMessage: errorOf('briefInformation'),
      },
      partnershipId: select('partnershipId', 'Safeguarding partnership (optional)', partnershipItems, 'Not listed or not known'),
      partnershipName: textInput('partnershipName', 'Partnership name, if not listed (optional)'),
      designatedProfessional: select('designatedProfessional', 'Designated professional (optional)', codes['designated-professional-roles'], 'Not known'),
      locality: textInput('locality', 'Locality (optional)', 'Where it happened: a town or place, never an address'),
      setting: select('setting', 'Setting (optional)', codes.settings, 'Not known'),
      comments: {
        id: 'comments',
        name: 'comments',
        maxlength: COMMENTS_MAX,
        rows: 5,
        label: { text: 'Comments (optional)', size: 's' },
        hint: { text: `Explain an unlisted type of review here. ${PERSONAL_DATA_HINT}` },
        value: values.comments,
        errorMessage: errorOf('comments'),
      },
      subIcbLocationCode: textInput('subIcbLocationCode', 'Sub-ICB location (optional)', 'The ODS code of the sub-ICB location, for example 15N', 'nhsuk-input--width-5'),
    },
    identifierRows: values.identifiers.map((row, index) => {
      const number = index + 1;
      const typeField = `identifierType${number}`;
      const valueField = `identifierValue${number}`;
      return {
        type: { ...select(typeField, `Type of identifier ${number}`, codes['identifier-types'], 'None'), items: selectItems(codes['identifier-types'], row.type, 'None') },
        value: { id: valueField, name: valueField, label: { text: `Identifier ${number}`, size: 's' }, value: row.value, classes: 'nhsuk-u-width-one-half', errorMessage: errorOf(valueField) },
      };
    }),
  };
}
