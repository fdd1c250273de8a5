import { Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { OrganisationHierarchyCopy } from '@scrt/reference-copy';
import { todayInEngland } from '@scrt/working-days';
import { reportScopeOf } from '../reports/report-scope.js';
import { ReportsRepository } from '../reports/reports.repository.js';
import type { CaseFactChangesDto, CaseFactChangesQueryDto } from './dto/extract.dto.js';
import { ExtractRepository } from './extract.repository.js';

export const CASE_FACTS_EXTRACT = 'case-facts-extract';
const DEFAULT_PAGE = 500;

/**
 * The incremental extract for NHS England's and the regions' own systems: case facts changed
 * since a watermark, paged and resumable (a page's `nextWatermark` is the last change it holds).
 */
@Injectable()
export class ExtractService {
  constructor(
    private readonly extract: ExtractRepository,
    private readonly reports: ReportsRepository,
    private readonly hierarchy: OrganisationHierarchyCopy,
  ) {}

  async caseChanges(principal: Principal, query: CaseFactChangesQueryDto): Promise<CaseFactChangesDto> {
    const after = query.after ?? '0';
    const limit = query.limit ?? DEFAULT_PAGE;
    const scope = reportScopeOf(principal, await this.hierarchy.hierarchy(), todayInEngland());
    const [items, dataAsOf] = await Promise.all([this.extract.caseChanges(scope, after, limit + 1), this.reports.dataAsOf()]);
    const page = items.slice(0, limit);
    await this.reports.recordAccess(principal, { action: 'export', resourceType: CASE_FACTS_EXTRACT, outcome: 'success' });
    return { items: page, nextWatermark: page.at(-1)?.changeSeq ?? after, hasMore: items.length > limit, dataAsOf: dataAsOf?.toISOString() ?? null };
  }
}
