import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '@scrt/http';
import { findPersonalDataIn, type PersonalDataFinding } from '@scrt/personal-data';
import { CaseIntakeEnv } from '../../config/case-intake.config.js';

const KIND_NAMES: Record<PersonalDataFinding['kind'], string> = {
  'nhs-number': 'an NHS number',
  'date-of-birth': 'a date of birth',
  postcode: 'a postcode',
  'phone-number': 'a phone number',
  'email-address': 'an e-mail address',
};

/** A finding as a field problem: field, kind and character range, never the matched text. */
export function personalDataProblem({ field, kind, start, end }: PersonalDataFinding): FieldProblem {
  return { field, code: `PERSONAL_DATA_${kind.toUpperCase().replaceAll('-', '_')}`, message: `${field} holds what looks like ${KIND_NAMES[kind]} at characters ${start} to ${end}` };
}

export interface Screening {
  /** To refuse the request with (empty under the `warn` policy). */
  problems: FieldProblem[];
  /** To record on the case (empty under the `refuse` policy). */
  warnings: PersonalDataFinding[];
}

/** Applies `PERSONAL_DATA_POLICY` to the free text of a request. */
@Injectable()
export class PersonalDataScreen {
  constructor(private readonly config: CaseIntakeEnv) {}

  screen(texts: Record<string, string | null | undefined>): Screening {
    const findings = findPersonalDataIn(texts);
    return this.config.PERSONAL_DATA_POLICY === 'refuse' ? { problems: findings.map(personalDataProblem), warnings: [] } : { problems: [], warnings: findings };
  }
}
