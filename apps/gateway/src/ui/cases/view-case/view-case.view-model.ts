import type { CaseFieldChange, CaseRecord, CaseView } from '../case-api.types.js';
import { referenceOf, statusTag } from '../case-list/case-list.view-model.js';
import { formatDate } from '../../rendering/view-environment.js';
import { labelOf, type CaseCodes, type Partnership } from '../reference-lists.js';

const FIELD_NAMES: Record<string, string> = {
  reviewType: 'Type of review',
  incidentDate: 'Date of the incident',
  dateAdded: 'Date added',
  subjectGroup: 'Subject group',
  ageBand: 'Age band',
  themes: 'Themes',
  briefInformation: 'Brief case information',
  identifiers: 'Identifiers',
  partnershipId: 'Safeguarding partnership',
  partnershipName: 'Partnership name',
  designatedProfessional: 'Designated professional',
  locality: 'Locality',
  setting: 'Setting',
  comments: 'Comments',
  subIcbLocationCode: 'Sub-ICB location',
  status: 'Status',
};

const PERSONAL_DATA_KINDS: Record<string, string> = {
  'nhs-number': 'an NHS number',
  'date-of-birth': 'a date of birth',
  postcode: 'a postcode',
  'phone-number': 'a phone number',
  email: 'an email address',
  'email-address': 'an email address',
};

export const fieldName = (field: string) => FIELD_NAMES[field] ?? field;

export interface ViewCaseContext {
  record: CaseRecord;
  history: CaseFieldChange[];
  views: CaseView[];
  codes: CaseCodes;
  partnerships: Partnership[];
  canUpdate: boolean;
}

/** How a value of the history reads: codes by their label, lists joined, nothing as "None". */
function describe(field: string, value: unknown, context: ViewCaseContext): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'None';
  const codes = context.codes;
  const byList: Record<string, keyof CaseCodes> = { reviewType: 'review-types', subjectGroup: 'subject-groups', ageBand: 'age-bands', designatedProfessional: 'designated-professional-roles', setting: 'settings' };
  if (field in byList) return labelOf(codes[byList[field]], String(value));
  if (field === 'themes' && Array.isArray(value)) return value.map((theme) => labelOf(codes['abuse-themes'], String(theme))).join(', ');
  if (field === 'identifiers' && Array.isArray(value)) {
    return value.map((identifier: { type?: string; value?: string }) => `${labelOf(codes['identifier-types'], identifier.type)}: ${identifier.value ?? ''}`).join('; ');
  }
  if (field === 'partnershipId') return context.partnerships.find((partnership) => partnership.id === value)?.name ?? String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The macro parameters of a case's page: its summary, personal-data warnings, history and view log. */
export function viewCaseViewModel(context: ViewCaseContext) {
  const { record, codes, canUpdate } = context;
  const open = record.status === 'open';
  const editAction = (field: string) =>
    canUpdate && open ? { actions: { items: [{ href: `/cases/${record.id}/edit#${field}`, text: 'Change', visuallyHiddenText: fieldName(field).toLowerCase() }] } } : {};
  const row = (field: string, text: string, anchor = field) => ({ key: { text: fieldName(field) }, value: { text: text || 'Not given' }, ...editAction(anchor) });
  return {
    reference: referenceOf(record.id),
    id: record.id,
    status: statusTag(record),
    canEdit: canUpdate && open,
    withdrawal: record.withdrawal,
    warnings: record.personalDataWarnings.map((warning) => ({
      text: `${fieldName(warning.field)} may contain ${PERSONAL_DATA_KINDS[warning.kind] ?? 'personal data'} (characters ${warning.start + 1} to ${warning.end}).`,
    })),
    summary: {
      rows: [
        row('reviewType', labelOf(codes['review-types'], record.reviewType)),
        row('incidentDate', formatDate(record.incidentDate), 'incidentDate-day'),
        row('dateAdded', formatDate(record.dateAdded), 'dateAdded-day'),
        row('subjectGroup', labelOf(codes['subject-groups'], record.subjectGroup)),
        row('ageBand', labelOf(codes['age-bands'], record.ageBand)),
        row('themes', describe('themes', record.themes, context), 'theme1'),
        row('briefInformation', record.briefInformation),
        row('identifiers', record.identifiers.length ? describe('identifiers', record.identifiers, context) : '', 'identifierType1'),
        row('partnershipId', record.partnershipId ? describe('partnershipId', record.partnershipId, context) : (record.partnershipName ?? '')),
        row('designatedProfessional', labelOf(codes['designated-professional-roles'], record.designatedProfessional)),
        row('locality', record.locality ?? ''),
        row('setting', labelOf(codes.settings, record.setting)),
        row('comments', record.comments ?? ''),
        row('subIcbLocationCode', record.subIcbLocationCode ?? ''),
      ],
    },
    record: {
      organisationCode: record.organisationCode,
      regionCode: record.regionCode,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      version: record.version,
    },
    history: context.history.map((change) => ({
      changedAt: change.changedAt,
      changedBy: change.changedBy,
      field: fieldName(change.field),
      from: describe(change.field, change.oldValue, context),
      to: describe(change.field, change.newValue, context),
    })),
    views: context.views.map((view) => ({
      viewedAt: view.at,
      viewedBy: view.actorSubject ?? 'Unknown',
      organisationCode: view.actorOrganisationCode ?? '',
      action: view.outcome === 'success' ? view.action : `${view.action} (${view.outcome})`,
    })),
  };
}
