import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { OrganisationHierarchyCopy, recordScopeOf, type RecordScope } from '@scrt/reference-copy';
import { todayInEngland } from '@scrt/working-days';
import { OrganisationReplacedError } from './case-scope.errors.js';

/**
 * Who sees which cases, and who may record new ones, by the organisation hierarchy in force
 * today (the service's local copy): a case keeps the code it was submitted under and is visible
 * to the ICB that code rolls up to now, that ICB's region and national users.
 */
@Injectable()
export class CaseScopes {
  constructor(private readonly hierarchyCopy: OrganisationHierarchyCopy) {}

  async of(principal: Principal): Promise<RecordScope> {
    return recordScopeOf(await this.hierarchyCopy.hierarchy(), principal, todayInEngland());
  }

  /** Every code whose records roll up today to the region (for a list's region filter). */
  async codesOfRegion(regionCode: string): Promise<readonly string[]> {
    const scope = recordScopeOf(await this.hierarchyCopy.hierarchy(), { tier: 'region', organisationCode: regionCode }, todayInEngland());
    return scope.all ? [] : scope.codes;
  }

  /**
   * Refuses a caller whose organisation has ended (a predecessor after a merger). A code the
   * copy does not know is not refused here: nothing says it has ended.
   */
  async assertMayRecordCases(principal: Principal): Promise<void> {
    const hierarchy = await this.hierarchyCopy.hierarchy();
    const today = todayInEngland();
    if (hierarchy.organisation(principal.organisationCode) === undefined || hierarchy.isValidForNewRecord(principal.organisationCode, today)) return;
    throw new OrganisationReplacedError(principal.organisationCode, hierarchy.currentSuccessor(principal.organisationCode, today));
  }
}
