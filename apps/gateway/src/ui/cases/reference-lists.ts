import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { CaseApi } from './case-api.js';

export interface Code {
  code: string;
  label: string;
  sortOrder: number;
  deprecated: boolean;
  parentCode?: string | null;
}

export interface Partnership {
  id: string;
  name: string;
}

/** The code lists a case form and a case page use, by list code. */
export const CASE_CODE_LISTS = ['review-types', 'subject-groups', 'abuse-themes', 'identifier-types', 'designated-professional-roles', 'age-bands', 'settings'] as const;
export type CaseCodeList = (typeof CASE_CODE_LISTS)[number];
export type CaseCodes = Record<CaseCodeList, Code[]>;

/** Code lists and partnerships from reference-data, through the same route as the API. */
@Injectable()
export class ReferenceLists {
  constructor(@Inject(CaseApi) private readonly api: CaseApi) {}

  /** The lists in force today, each in its own order. */
  async codes<L extends string>(principal: Principal, lists: readonly L[]): Promise<Record<L, Code[]>> {
    const codes = await Promise.all(lists.map(async (list) => (await this.api.read<{ codes: Code[] }>(principal, `/api/v1/reference-data/code-lists/${list}`)).codes));
    return Object.fromEntries(lists.map((list, index) => [list, [...codes[index]].sort((a, b) => a.sortOrder - b.sortOrder)])) as Record<L, Code[]>;
  }

  caseCodes<L extends CaseCodeList>(principal: Principal, lists: readonly L[]): Promise<Pick<CaseCodes, L>> {
    return this.codes(principal, lists);
  }

  /** Every organisation's name by ODS code, current and past (a report may name a merged ICB). */
  async organisationNames(principal: Principal): Promise<Map<string, string>> {
    const { items } = await this.api.read<{ items: { odsCode: string; name: string }[] }>(principal, '/api/v1/reference-data/organisations');
    return new Map(items.map(({ odsCode, name }) => [odsCode, name]));
  }

  async partnerships(principal: Principal): Promise<Partnership[]> {
    const query = principal.tier === 'icb' ? `?icb=${encodeURIComponent(principal.organisationCode)}` : '';
    const { items } = await this.api.read<{ items: Partnership[] }>(principal, `/api/v1/reference-data/partnerships${query}`);
    return [...items].sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** A code's label, or the code itself when the list no longer has it. */
export function labelOf(codes: Code[], code: string | null | undefined): string {
  if (!code) return '';
  return codes.find((candidate) => candidate.code === code)?.label ?? code;
}
