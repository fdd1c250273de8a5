import { describe, expect, it } from '@jest/globals';
import type { PartnershipChangedV1, Principal, PublishedCodeV1 } from '@scrt/contracts';
import { CodeListCopy, OrganisationHierarchy, OrganisationHierarchyCopy, PartnershipCopy, type CodeListVersionCopy, type HierarchySnapshot } from '@scrt/reference-copy';
import { todayInEngland } from '@scrt/working-days';
import { ReferenceDataUnavailableError } from '../cases.errors.js';
import type { CaseFields } from './case-fields.js';
import { CaseRules, type CaseCandidate } from './case-rules.js';

const code = (value: string, extra: Partial<PublishedCodeV1> = {}): PublishedCodeV1 => ({ code: value, label: value, description: null, sortOrder: 0, parentCode: null, deprecated: false, ...extra });

const LISTS: Record<string, PublishedCodeV1[]> = {
  'review-types': [code('RAPID_REVIEW'), code('SAR'), code('OLD_TYPE', { deprecated: true })],
  'subject-groups': [code('CHILD'), code('ADULT')],
  'abuse-themes': [code('NEGLECT'), code('EMOTIONAL'), code('PHYSICAL'), code('RETIRED_THEME', { deprecated: true })],
  'age-bands': [code('AGE_5_10', { parentCode: 'CHILD' }), code('AGE_25_64', { parentCode: 'ADULT' }), code('CHILD'), code('ADULT')],
  settings: [code('OWN_HOME')],
  'designated-professional-roles': [code('DESIGNATED_NURSE_CHILDREN')],
  'identifier-types': [code('STEIS'), code('LFPSE'), code('LOCAL')],
};

/** The copies' own logic over lists, a hierarchy and partnerships held in memory (no database). */
class ListsInMemory extends CodeListCopy {
  constructor(private readonly lists: Record<string, PublishedCodeV1[]>) {
    super(undefined as never, 'intake', 'test');
  }
  override async inForce(listCode: string): Promise<CodeListVersionCopy | undefined> {
    const codes = this.lists[listCode];
    return codes && { listCode, listName: listCode, version: 1, effectiveFrom: '2018-01-01', codes };
  }
}

class HierarchyInMemory extends OrganisationHierarchyCopy {
  constructor(private readonly snapshot: HierarchySnapshot) {
    super(undefined as never, 'intake', 'test');
  }
  override async hierarchy(): Promise<OrganisationHierarchy> {
    return new OrganisationHierarchy(this.snapshot);
  }
}

const KNOWN_PARTNERSHIP = '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d';
class PartnershipsInMemory extends PartnershipCopy {
  constructor() {
    super(undefined as never, 'intake', 'test');
  }
  override async find(id: string): Promise<PartnershipChangedV1 | undefined> {
    return id === KNOWN_PARTNERSHIP ? ({ id } as PartnershipChangedV1) : undefined;
  }
}

const open = (odsCode: string, type: 'national' | 'region' | 'icb' | 'sub_icb', effectiveFrom = '2013-04-01', effectiveTo: string | null = null) => ({ odsCode, name: odsCode, type, effectiveFrom, effectiveTo });
const HIERARCHY: HierarchySnapshot = {
  organisations: [open('X24', 'national'), open('Y63', 'region'), open('QWO', 'icb', '2022-07-01'), open('QOQ', 'icb', '2022-07-01'), open('OLD', 'icb', '2013-04-01', '2022-06-30'), open('36J', 'sub_icb'), open('03F', 'sub_icb'), open('OLS', 'sub_icb', '2013-04-01', '2022-06-30')],
  parentLinks: [
    { childOdsCode: 'Y63', parentOdsCode: 'X24', effectiveFrom: '2013-04-01', effectiveTo: null },
    { childOdsCode: 'QWO', parentOdsCode: 'Y63', effectiveFrom: '2022-07-01', effectiveTo: null },
    { childOdsCode: 'QOQ', parentOdsCode: 'Y63', effectiveFrom: '2022-07-01', effectiveTo: null },
    { childOdsCode: '36J', parentOdsCode: 'OLD', effectiveFrom: '2013-04-01', effectiveTo: '2022-06-30' },
    { childOdsCode: '36J', parentOdsCode: 'QWO', effectiveFrom: '2022-07-01', effectiveTo: null },
    { childOdsCode: '03F', parentOdsCode: 'QOQ', effectiveFrom: '2022-07-01', effectiveTo: null },
    { childOdsCode: 'OLS', parentOdsCode: 'OLD', effectiveFrom: '2013-04-01', effectiveTo: '2022-06-30' },
  ],
  successions: [{ predecessorOdsCode: 'OLD', successorOdsCode: 'QWO', effectiveFrom: '2022-07-01' }],
};

const rules = (lists = LISTS, hierarchy = HIERARCHY) => new CaseRules(new ListsInMemory(lists), new HierarchyInMemory(hierarchy), new PartnershipsInMemory());
const westYorkshire = { organisationCode: 'QWO', tier: 'icb', regionCode: 'Y63' } as Principal;

const VALID: CaseFields = {
  reviewType: 'RAPID_REVIEW',
  incidentDate: '2026-03-02',
  dateAdded: '2026-03-04',
  subjectGroup: 'CHILD',
  themes: ['NEGLECT', 'EMOTIONAL'],
  briefInformation: 'Rapid review after a serious incident.',
  identifiers: [{ type: 'STEIS', value: '2026/12345' }],
  partnershipId: KNOWN_PARTNERSHIP,
  partnershipName: null,
  designatedProfessional: 'DESIGNATED_NURSE_CHILDREN',
  ageBand: 'AGE_5_10',
  locality: null,
  setting: 'OWN_HOME',
  comments: null,
  subIcbLocationCode: '36J',
};

const problemsOf = async (fields: CaseCandidate, previous?: CaseFields) => (await rules().check(fields, westYorkshire, previous)).map((problem) => `${problem.field} ${problem.code}`);
const tomorrow = () => new Date(Date.parse(`${todayInEngland()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('the rules of a case', () => {
  it('accepts a complete valid record', async () => {
    expect(await problemsOf(VALID)).toEqual([]);
  });

  it.each<[string, CaseCandidate, string[]]>([
    ['an incident in the future', { incidentDate: tomorrow(), dateAdded: tomorrow() }, ['incidentDate NOT_IN_THE_FUTURE', 'dateAdded NOT_IN_THE_FUTURE']],
    ['a date added before the incident', { incidentDate: '2026-03-04', dateAdded: '2026-03-02' }, ['dateAdded DATES_OUT_OF_ORDER']],
    ['no theme', { themes: [] }, ['themes THEME_1_REQUIRED']],
    ['a repeated theme', { themes: ['NEGLECT', 'EMOTIONAL', 'NEGLECT'] }, ['themes.2 DUPLICATE_THEME']],
    ['an unknown theme', { themes: ['NEGLECT', 'NOT_A_THEME'] }, ['themes.1 UNKNOWN_CODE']],
    ['a deprecated theme', { themes: ['RETIRED_THEME'] }, ['themes.0 DEPRECATED_CODE']],
    ['a deprecated review type', { reviewType: 'OLD_TYPE' }, ['reviewType DEPRECATED_CODE']],
    ['an unknown setting', { setting: 'MOON' }, ['setting UNKNOWN_CODE']],
    ['an unknown designated professional', { designatedProfessional: 'WIZARD' }, ['designatedProfessional UNKNOWN_CODE']],
    ['an unknown identifier type', { identifiers: [{ type: 'NHS', value: 'x' }] }, ['identifiers.0.type UNKNOWN_CODE']],
    ['a malformed StEIS number', { identifiers: [{ type: 'LOCAL', value: 'A-1' }, { type: 'STEIS', value: '12345' }] }, ['identifiers.1.value INVALID_STEIS_NUMBER']],
    ['an adult band for a child', { ageBand: 'AGE_25_64' }, ['ageBand AGE_BAND_NOT_IN_SUBJECT_GROUP']],
    ['the other group as a band', { ageBand: 'ADULT' }, ['ageBand AGE_BAND_NOT_IN_SUBJECT_GROUP']],
    ['a sub-ICB location of another ICB', { subIcbLocationCode: '03F' }, ['subIcbLocationCode SUB_ICB_LOCATION_OUTSIDE_ICB']],
    ['an ICB as a sub-ICB location', { subIcbLocationCode: 'QOQ' }, ['subIcbLocationCode UNKNOWN_SUB_ICB_LOCATION']],
    ['a sub-ICB location closed before the incident', { subIcbLocationCode: 'OLS' }, ['subIcbLocationCode UNKNOWN_SUB_ICB_LOCATION']],
    ['an unknown partnership', { partnershipId: '0192f5c4-0000-4000-8000-000000000000' }, ['partnershipId UNKNOWN_PARTNERSHIP']],
    ['a cleared required item', { briefInformation: null, reviewType: null }, ['reviewType REQUIRED', 'briefInformation REQUIRED']],
  ])('refuses %s', async (_label, change, expected) => {
    expect(await problemsOf({ ...VALID, ...change })).toEqual(expected);
  });

  it('reports every problem together', async () => {
    expect(await problemsOf({ ...VALID, dateAdded: '2026-03-01', themes: ['NEGLECT', 'NEGLECT'], setting: 'MOON', subIcbLocationCode: '03F' })).toEqual([
      'dateAdded DATES_OUT_OF_ORDER',
      'themes.1 DUPLICATE_THEME',
      'setting UNKNOWN_CODE',
      'subIcbLocationCode SUB_ICB_LOCATION_OUTSIDE_ICB',
    ]);
  });

  it('accepts a sub-ICB location of an ICB the caller\'s ICB succeeded, as at an incident before the merger', async () => {
    expect(await problemsOf({ ...VALID, incidentDate: '2022-05-01', dateAdded: '2022-05-02', subIcbLocationCode: 'OLS' })).toEqual([]);
  });

  it('checks only the items that are there (the others had problems of their shape)', async () => {
    expect(await problemsOf({ themes: ['NEGLECT', 'NEGLECT'] })).toEqual(['themes.1 DUPLICATE_THEME']);
  });

  it('keeps codes already on the record even when deprecated since, but checks a new one', async () => {
    const previous = { ...VALID, reviewType: 'OLD_TYPE', themes: ['RETIRED_THEME'] };
    expect(await problemsOf({ ...previous, setting: 'OWN_HOME' }, previous)).toEqual([]);
    expect(await problemsOf({ ...previous, themes: ['RETIRED_THEME', 'NEGLECT', 'RETIRED_THEME'] }, previous)).toEqual(['themes.2 DUPLICATE_THEME']);
    expect(await problemsOf({ ...VALID, reviewType: 'OLD_TYPE' }, VALID)).toEqual(['reviewType DEPRECATED_CODE']);
  });

  it('answers 503 when a code list has not reached the service', async () => {
    const { 'abuse-themes': _absent, ...others } = LISTS;
    await expect(rules(others).check(VALID, westYorkshire)).rejects.toBeInstanceOf(ReferenceDataUnavailableError);
  });
});
