import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { OrganisationHierarchy, type OrganisationPeriod } from '@scrt/reference-copy';
import { todayInEngland } from '@scrt/working-days';
import type { HierarchyDto, OrganisationHistoryDto, OrganisationImportReportDto, RelativesDto, RollUpDto, SuccessorDto } from './dto/hierarchy.dto.js';
import type { OrganisationDto } from './dto/organisation.dto.js';
import { readOrganisationChangeFile } from './import/organisation-change-file.js';
import { applyOrganisationChanges } from './import/organisation-change-rules.js';
import { OrganisationChangesInvalidError, OrganisationNotFoundError } from './organisations.errors.js';
import { OrganisationsRepository } from './organisations.repository.js';

/** The parent on the date, else (closed organisation, or a date before it) its last parent. */
function parentOf(hierarchy: OrganisationHierarchy, odsCode: string, asAt: string): string | null {
  const links = hierarchy.snapshot.parentLinks.filter((link) => link.childOdsCode === odsCode);
  return hierarchy.parentOn(odsCode, asAt) ?? links.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1)?.parentOdsCode ?? null;
}

const toDto = (hierarchy: OrganisationHierarchy, org: OrganisationPeriod, asAt: string): OrganisationDto => ({
  odsCode: org.odsCode,
  name: org.name,
  type: org.type,
  parentOdsCode: parentOf(hierarchy, org.odsCode, asAt),
  effectiveFrom: org.effectiveFrom,
  effectiveTo: org.effectiveTo,
});

/** The organisation hierarchy through time, and the import of ODS-style change files. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  /** Every organisation ever known; with `asAt`, those in force on that date. */
  async list(asAt?: string): Promise<OrganisationDto[]> {
    const hierarchy = await this.hierarchy();
    const date = asAt ?? todayInEngland();
    const orgs = asAt ? hierarchy.asAt(asAt) : hierarchy.snapshot.organisations;
    return orgs.map((org) => toDto(hierarchy, org, date));
  }

  async get(odsCode: string): Promise<OrganisationDto> {
    const hierarchy = await this.hierarchy();
    return toDto(hierarchy, this.require(hierarchy, odsCode), todayInEngland());
  }

  async hierarchyAsAt(asAt = todayInEngland()): Promise<HierarchyDto> {
    return { asAt, items: await this.list(asAt) };
  }

  async ancestors(odsCode: string, asAt = todayInEngland()): Promise<RelativesDto> {
    const hierarchy = await this.hierarchy();
    this.require(hierarchy, odsCode);
    return { odsCode, asAt, items: hierarchy.ancestors(odsCode, asAt).map((org) => toDto(hierarchy, org, asAt)) };
  }

  async descendants(odsCode: string, asAt = todayInEngland()): Promise<RelativesDto> {
    const hierarchy = await this.hierarchy();
    this.require(hierarchy, odsCode);
    return { odsCode, asAt, items: hierarchy.descendants(odsCode, asAt).map((org) => toDto(hierarchy, org, asAt)) };
  }

  async successor(odsCode: string, asAt = todayInEngland()): Promise<SuccessorDto> {
    const hierarchy = await this.hierarchy();
    this.require(hierarchy, odsCode);
    return {
      odsCode,
      asAt,
      inForce: hierarchy.isInForce(odsCode, asAt),
      successorOdsCode: hierarchy.currentSuccessor(odsCode, asAt),
      predecessorOdsCodes: hierarchy.predecessors(odsCode),
    };
  }

  async rollUp(odsCode: string, asAt = todayInEngland()): Promise<RollUpDto> {
    const hierarchy = await this.hierarchy();
    const org = this.require(hierarchy, odsCode);
    const rolled = hierarchy.rollUp(odsCode, asAt);
    const seesRecords = org.type !== 'sub_icb' && hierarchy.isInForce(odsCode, asAt);
    return { ...rolled, asAt, validForNewRecords: hierarchy.isValidForNewRecord(odsCode, asAt), recordOdsCodes: seesRecords ? hierarchy.recordCodesRollingUpTo(odsCode, asAt) : [] };
  }

  async history(odsCode: string): Promise<OrganisationHistoryDto> {
    const hierarchy = await this.hierarchy();
    const org = this.require(hierarchy, odsCode);
    const { parentLinks, successions } = hierarchy.snapshot;
    return {
      organisation: toDto(hierarchy, org, todayInEngland()),
      parentLinks: parentLinks
        .filter((link) => link.childOdsCode === odsCode)
        .map(({ parentOdsCode, effectiveFrom, effectiveTo }) => ({ parentOdsCode, effectiveFrom, effectiveTo })),
      predecessorOdsCodes: successions.filter((s) => s.successorOdsCode === odsCode).map((s) => s.predecessorOdsCode),
      successorOdsCodes: successions.filter((s) => s.predecessorOdsCode === odsCode).map((s) => s.successorOdsCode),
      changes: (await this.organisations.findChanges(odsCode)).map((change) => ({ occurredAt: change.occurredAt.toISOString(), actorSubject: change.actorSubject, action: change.action })),
    };
  }

  /**
   * Checks every row against the hierarchy it would make; imports all of them or none. A dry run
   * reports and changes nothing. Imports run one at a time, each checked against the last one's result.
   */
  async importChanges(csv: string, dryRun: boolean, principal: Principal): Promise<OrganisationImportReportDto> {
    const file = readOrganisationChangeFile(csv);
    const { errors, outcome } = await this.organisations.changeHierarchy((snapshot) => {
      const applied = applyOrganisationChanges(snapshot, file.rows);
      const problems = [...file.problems, ...applied.problems].sort((a, b) => a.line - b.line);
      const save = dryRun || problems.length > 0 ? undefined : { snapshot: applied.snapshot, touched: applied.touched };
      return { result: { errors: problems, outcome: applied }, save };
    }, principal);
    if (dryRun) return { dryRun, rows: file.rowCount, changed: errors.length > 0 ? [] : outcome.touched, errors };
    if (errors.length > 0) throw new OrganisationChangesInvalidError(errors);
    return { dryRun, rows: file.rowCount, changed: outcome.touched, errors: [] };
  }

  private async hierarchy(): Promise<OrganisationHierarchy> {
    return new OrganisationHierarchy(await this.organisations.loadSnapshot());
  }

  private require(hierarchy: OrganisationHierarchy, odsCode: string): OrganisationPeriod {
    const org = hierarchy.organisation(odsCode);
    if (!org) throw new OrganisationNotFoundError(odsCode);
    return org;
  }
}
