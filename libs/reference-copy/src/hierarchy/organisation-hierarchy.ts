import { inForceOn, type HierarchySnapshot, type IsoDate, type OrganisationPeriod, type ParentLink, type Succession } from './hierarchy-snapshot.js';

/** Where a record submitted under an organisation code belongs in the hierarchy in force on a date. */
export interface RollUp {
  recordOdsCode: string;
  /** The organisation now doing the work of the record's code: the code itself while in force, else its successor. */
  currentOdsCode: string | null;
  icbOdsCode: string | null;
  regionOdsCode: string | null;
  nationalOdsCode: string | null;
}

export interface Viewer {
  tier: 'national' | 'region' | 'icb';
  organisationCode: string;
}

const groupBy = <T>(items: T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/** Answers about the organisation hierarchy at any date, from a snapshot held in memory. */
export class OrganisationHierarchy {
  private readonly organisations: Map<string, OrganisationPeriod>;
  private readonly linksOfChild: Map<string, ParentLink[]>;
  private readonly linksOfParent: Map<string, ParentLink[]>;
  private readonly successorsOf: Map<string, Succession[]>;
  private readonly predecessorsOf: Map<string, Succession[]>;

  constructor(readonly snapshot: HierarchySnapshot) {
    this.organisations = new Map(snapshot.organisations.map((org) => [org.odsCode, org]));
    this.linksOfChild = groupBy(snapshot.parentLinks, (link) => link.childOdsCode);
    this.linksOfParent = groupBy(snapshot.parentLinks, (link) => link.parentOdsCode);
    this.successorsOf = groupBy(snapshot.successions, (succession) => succession.predecessorOdsCode);
    this.predecessorsOf = groupBy(snapshot.successions, (succession) => succession.successorOdsCode);
  }

  organisation(odsCode: string): OrganisationPeriod | undefined {
    return this.organisations.get(odsCode);
  }

  /** In force on the date: an organisation exists then. */
  isInForce(odsCode: string, date: IsoDate): boolean {
    const org = this.organisations.get(odsCode);
    return org !== undefined && inForceOn(org, date);
  }

  /** A code a new record may be submitted under on `today`: a closed (e.g. merged) organisation's code is not. */
  isValidForNewRecord(odsCode: string, today: IsoDate): boolean {
    return this.isInForce(odsCode, today);
  }

  /** Every organisation in force on the date, each with its parent then. */
  asAt(date: IsoDate): (OrganisationPeriod & { parentOdsCode: string | null })[] {
    return this.snapshot.organisations
      .filter((org) => inForceOn(org, date))
      .map((org) => ({ ...org, parentOdsCode: this.parentOn(org.odsCode, date) }));
  }

  parentOn(odsCode: string, date: IsoDate): string | null {
    return this.linksOfChild.get(odsCode)?.find((link) => inForceOn(link, date))?.parentOdsCode ?? null;
  }

  /** Parent, grandparent... up to NHS England, on the date (nearest first). */
  ancestors(odsCode: string, date: IsoDate): OrganisationPeriod[] {
    const found: OrganisationPeriod[] = [];
    const seen = new Set([odsCode]);
    for (let code = this.parentOn(odsCode, date); code !== null && !seen.has(code); code = this.parentOn(code, date)) {
      seen.add(code);
      const org = this.organisations.get(code);
      if (org) found.push(org);
    }
    return found;
  }

  children(odsCode: string, date: IsoDate): string[] {
    return (this.linksOfParent.get(odsCode) ?? []).filter((link) => inForceOn(link, date)).map((link) => link.childOdsCode);
  }

  /** Children, grandchildren... on the date, breadth first. */
  descendants(odsCode: string, date: IsoDate): OrganisationPeriod[] {
    const found: OrganisationPeriod[] = [];
    const seen = new Set([odsCode]);
    const queue = this.children(odsCode, date);
    while (queue.length > 0) {
      const code = queue.shift()!;
      if (seen.has(code)) continue;
      seen.add(code);
      const org = this.organisations.get(code);
      if (org) found.push(org);
      queue.push(...this.children(code, date));
    }
    return found;
  }

  /** Every organisation this one replaced, directly or through earlier mergers. */
  predecessors(odsCode: string): string[] {
    const found = new Set<string>();
    const queue = [odsCode];
    while (queue.length > 0) {
      for (const succession of this.predecessorsOf.get(queue.shift()!) ?? []) {
        if (found.has(succession.predecessorOdsCode) || succession.predecessorOdsCode === odsCode) continue;
        found.add(succession.predecessorOdsCode);
        queue.push(succession.predecessorOdsCode);
      }
    }
    return [...found].sort();
  }

  /**
   * The organisation in force on `date` that carries on this one: itself while in force, else its
   * successor's (through successive mergers). When an organisation split, the successor first in
   * ODS code order is taken; null when the chain ends in a closed organisation.
   */
  currentSuccessor(odsCode: string, date: IsoDate): string | null {
    const seen = new Set<string>();
    let code: string | undefined = odsCode;
    while (code !== undefined && !seen.has(code)) {
      if (this.isInForce(code, date)) return code;
      seen.add(code);
      code = (this.successorsOf.get(code) ?? []).map((succession) => succession.successorOdsCode).sort()[0];
    }
    return null;
  }

  /**
   * The ICB, region and NHS England a record submitted under `recordOdsCode` belongs to on `date`:
   * the code's current successor, then its parents on the date. A code whose parent link ended
   * without a new one (its parent merged) follows its last parent's successor.
   */
  rollUp(recordOdsCode: string, date: IsoDate): RollUp {
    const currentOdsCode = this.currentSuccessor(recordOdsCode, date);
    const answer: RollUp = { recordOdsCode, currentOdsCode, icbOdsCode: null, regionOdsCode: null, nationalOdsCode: null };
    const seen = new Set<string>();
    for (let code = currentOdsCode; code !== null && !seen.has(code); code = this.currentParent(code, date)) {
      seen.add(code);
      const type = this.organisations.get(code)?.type;
      if (type === 'icb') answer.icbOdsCode ??= code;
      if (type === 'region') answer.regionOdsCode ??= code;
      if (type === 'national') answer.nationalOdsCode ??= code;
    }
    return answer;
  }

  /** Whether a viewer (national, region or ICB user) may see a record submitted under `recordOdsCode`, by the hierarchy in force on `today`. */
  canSeeRecord(viewer: Viewer, recordOdsCode: string, today: IsoDate): boolean {
    if (viewer.tier === 'national') return true;
    const record = this.rollUp(recordOdsCode, today);
    if (viewer.tier === 'region') return record.regionOdsCode !== null && record.regionOdsCode === this.rollUp(viewer.organisationCode, today).regionOdsCode;
    return record.icbOdsCode !== null && record.icbOdsCode === this.rollUp(viewer.organisationCode, today).icbOdsCode;
  }

  /** Every code, past or present, whose records roll up to the ICB (or region) `odsCode` on `today`: itself, its sub-ICB locations and every predecessor's. */
  recordCodesRollingUpTo(odsCode: string, today: IsoDate): string[] {
    return this.snapshot.organisations
      .map((org) => org.odsCode)
      .filter((code) => {
        const rolled = this.rollUp(code, today);
        return rolled.icbOdsCode === odsCode || rolled.regionOdsCode === odsCode || rolled.nationalOdsCode === odsCode;
      })
      .sort();
  }

  private currentParent(odsCode: string, date: IsoDate): string | null {
    const parent = this.parentOn(odsCode, date);
    if (parent !== null) return parent;
    const links = this.linksOfChild.get(odsCode) ?? [];
    const last = links.filter((link) => link.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    return last ? this.currentSuccessor(last.parentOdsCode, date) : null;
  }
}
