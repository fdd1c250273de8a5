import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { OrganisationHierarchyCopy } from '@scrt/reference-copy';
import { todayInEngland } from '@scrt/working-days';
import { PassThrough, type Readable } from 'node:stream';
import { once } from 'node:events';
import { csvLine } from './csv.js';
import type { ReportQueryDto } from './dto/report-query.dto.js';
import { REPORTS, type ReportName } from './report-definitions.js';
import { reportScopeOf, type ReportScope } from './report-scope.js';
import { ReportsRepository, type ReportRow } from './reports.repository.js';

export interface ReportAnswer {
  report: ReportName;
  scope: { tier: ReportScope['tier']; organisationCode?: string; regionCode?: string };
  filters: ReportQueryDto;
  generatedAt: string;
  dataAsOf: string | null;
  rows: ReportRow[];
}

/** The reports of the warehouse, each only within the caller's scope, every read and export audited. */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly reports: ReportsRepository,
    private readonly hierarchy: OrganisationHierarchyCopy,
  ) {}

  async read(name: ReportName, principal: Principal, query: ReportQueryDto): Promise<ReportAnswer> {
    const report = REPORTS[name];
    const today = todayInEngland();
    const scope = reportScopeOf(principal, await this.hierarchy.hierarchy(), today);
    const [rows, dataAsOf] = await Promise.all([this.reports.rows(report, scope, query, today), this.reports.summariesAsOf()]);
    await this.reports.recordAccess(principal, { action: 'read', resourceType: report.resourceType, outcome: 'success' });
    return {
      report: name,
      scope: { tier: scope.tier, ...(scope.organisationCode ? { organisationCode: scope.organisationCode } : {}), ...(scope.regionCode ? { regionCode: scope.regionCode } : {}) },
      filters: { ...query },
      generatedAt: new Date().toISOString(),
      dataAsOf: dataAsOf?.toISOString() ?? null,
      rows,
    };
  }

  /** The report as CSV, streamed from a cursor (the export is audited before the first byte). */
  async export(name: ReportName, principal: Principal, query: ReportQueryDto): Promise<{ csv: Readable; dataAsOf: string | null }> {
    const report = REPORTS[name];
    const today = todayInEngland();
    const scope = reportScopeOf(principal, await this.hierarchy.hierarchy(), today);
    const dataAsOf = (await this.reports.summariesAsOf())?.toISOString() ?? null;
    await this.reports.recordAccess(principal, { action: 'export', resourceType: report.resourceType, outcome: 'success' });
    const csv = new PassThrough();
    csv.write(csvLine(report.columns));
    const writeBatch = async (rows: ReportRow[]) => {
      const chunk = rows.map((row) => csvLine(report.columns.map((column) => row[column]))).join('');
      if (!csv.write(chunk)) await Promise.race([once(csv, 'drain'), once(csv, 'close')]);
      if (csv.destroyed) throw new Error('the client went away');
    };
    this.reports.eachBatch(report, scope, query, today, writeBatch).then(
      () => csv.end(),
      (error: unknown) => {
        this.logger.error({ message: 'report export failed while streaming', report: name, error: String(error) });
        csv.destroy(error as Error);
      },
    );
    return { csv, dataAsOf };
  }
}
