import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { CaseScopes } from '../case-scope/case-scopes.js';
import { CaseNotFoundError } from '../cases/cases.errors.js';
import { CaseViewsRepository } from './case-views.repository.js';
import type { CaseViewLogDto } from './dto/case-view.dto.js';

const MAX_ENTRIES = 1000;

@Injectable()
export class CaseViewsService {
  constructor(
    private readonly repository: CaseViewsRepository,
    private readonly scopes: CaseScopes,
  ) {}

  /**
   * Who looked at a case: for `case:view-log` holders whose scope holds the case (its own ICB's
   * data-input users, oversight in its region or nationally). Reading the log is audited too.
   */
  async viewLog(caseId: string, principal: Principal): Promise<CaseViewLogDto> {
    const entries = await this.repository.viewsOf(caseId, await this.scopes.of(principal), MAX_ENTRIES + 1);
    await this.repository.recordAccess(principal, { action: 'read', resourceType: 'case-view-log', resourceId: caseId, outcome: entries ? 'success' : 'not-found' });
    if (!entries) throw new CaseNotFoundError(caseId);
    return {
      items: entries.slice(0, MAX_ENTRIES).map((entry) => ({
        at: entry.occurredAt.toISOString(),
        actorSubject: entry.actorSubject,
        actorKind: entry.actorKind,
        actorRoleId: entry.actorRoleId,
        actorOrganisationCode: entry.organisationCode,
        action: entry.action,
        outcome: entry.outcome,
      })),
      truncated: entries.length > MAX_ENTRIES,
    };
  }
}
