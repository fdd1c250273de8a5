/** A calendar date `YYYY-MM-DD`; such strings compare in date order. */
export type IsoDate = string;

export const OrganisationTypes = ['national', 'region', 'icb', 'sub_icb'] as const;
export type OrganisationType = (typeof OrganisationTypes)[number];

/** The type an organisation's parent must have. */
export const PARENT_TYPE: Record<OrganisationType, OrganisationType | null> = { national: null, region: 'national', icb: 'region', sub_icb: 'icb' };

export interface Period {
  effectiveFrom: IsoDate;
  /** Last day in force; null while open. */
  effectiveTo: IsoDate | null;
}

export interface OrganisationPeriod extends Period {
  odsCode: string;
  name: string;
  type: OrganisationType;
}

export interface ParentLink extends Period {
  childOdsCode: string;
  parentOdsCode: string;
}

/** The predecessor closed and its work (and its records) passed to the successor from `effectiveFrom`. */
export interface Succession {
  predecessorOdsCode: string;
  successorOdsCode: string;
  effectiveFrom: IsoDate;
}

/** The whole hierarchy through time: what reference-data publishes and every local copy keeps. */
export interface HierarchySnapshot {
  organisations: OrganisationPeriod[];
  parentLinks: ParentLink[];
  successions: Succession[];
}

export const inForceOn = (period: Period, date: IsoDate) => period.effectiveFrom <= date && (period.effectiveTo === null || date <= period.effectiveTo);

export const periodsOverlap = (a: Period, b: Period) =>
  (a.effectiveTo === null || b.effectiveFrom <= a.effectiveTo) && (b.effectiveTo === null || a.effectiveFrom <= b.effectiveTo);

/** `inner` lies within `outer`. */
export const periodWithin = (inner: Period, outer: Period) =>
  inner.effectiveFrom >= outer.effectiveFrom && (outer.effectiveTo === null || (inner.effectiveTo !== null && inner.effectiveTo <= outer.effectiveTo));
