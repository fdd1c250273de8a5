/** The shared case contract (common brief), as the pages read and send it. */
export interface CaseIdentifier {
  type: string;
  value: string;
}

export interface CaseInput {
  reviewType: string;
  incidentDate: string;
  dateAdded: string;
  subjectGroup: string;
  themes: string[];
  briefInformation: string;
  identifiers?: CaseIdentifier[];
  partnershipId?: string | null;
  partnershipName?: string | null;
  designatedProfessional?: string | null;
  ageBand?: string | null;
  locality?: string | null;
  setting?: string | null;
  comments?: string | null;
  subIcbLocationCode?: string | null;
}

export interface PersonalDataWarning {
  field: string;
  kind: string;
  start: number;
  end: number;
}

export interface CaseRecord extends Required<CaseInput> {
  id: string;
  organisationCode: string;
  regionCode: string;
  status: 'open' | 'withdrawn';
  withdrawal: { at: string; by: string; reason: string } | null;
  personalDataWarnings: PersonalDataWarning[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

export interface CasePage {
  items: CaseRecord[];
  nextCursor: string | null;
}

export interface CaseFieldChange {
  version: number;
  changedAt: string;
  changedBy: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** One entry of a case's view log (`listCaseViews`). */
export interface CaseView {
  at: string;
  actorSubject: string | null;
  actorKind: string | null;
  actorRoleId: string | null;
  actorOrganisationCode: string | null;
  action: string;
  outcome: string;
}

export interface FieldProblem {
  field?: string;
  pointer?: string;
  code: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: FieldProblem[];
}
