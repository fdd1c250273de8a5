import { Controller, Get, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Permissions } from '@scrt/contracts';
import type { ResumedSession } from '../../session/session.service.js';
import type { Query as PageQuery } from '../cases/case-list/case-list.view-model.js';
import { ReferenceLists } from '../cases/reference-lists.js';
import { PageAccessGuard, PagePermission, PageSession } from '../foundation/page-access.guard.js';
import { PageNotFoundError } from '../foundation/page.errors.js';
import { redirect, renderPage } from '../rendering/responses.js';
import { ReportApi } from './report-api.js';
import { filtersFromQuery, pageQueryOf, reportQueryOf } from './report-filters/report-filters.form.js';
import { REPORT_NAMES, type ReportName } from './report-pages/report-answer.js';
import { reportPageViewModel } from './report-pages/report-page.view-model.js';
import { DASHBOARD_CODE_LISTS, REPORT_PAGES } from './report-pages/report-pages.js';

function reportNameOf(name: string): ReportName {
  if (!(REPORT_NAMES as readonly string[]).includes(name)) throw new PageNotFoundError();
  return name as ReportName;
}

/**
 * The dashboards of everyone who may read reports: one page per report, charts and tables of
 * the numbers the reporting service answers for the user's scope, and its CSV for exporters.
 */
@ApiExcludeController()
@Controller('reports')
@UseGuards(PageAccessGuard)
@PagePermission(Permissions.reportRead)
export class DashboardsUiController {
  constructor(
    @Inject(ReportApi) private readonly reports: ReportApi,
    @Inject(ReferenceLists) private readonly lists: ReferenceLists,
  ) {}

  /** Every dashboard links to the others: the first one is the way in. */
  @Get()
  overview(@Res() reply: FastifyReply): void {
    redirect(reply, `/reports/${REPORT_NAMES[0]}`);
  }

  @Get(':name')
  async report(@PageSession() { principal }: ResumedSession, @Param('name') name: string, @Query() pageQuery: PageQuery, @Res() reply: FastifyReply): Promise<void> {
    const report = reportNameOf(name);
    const [codes, organisationNames] = await Promise.all([this.lists.codes(principal, DASHBOARD_CODE_LISTS), this.lists.organisationNames(principal)]);
    const filters = filtersFromQuery(pageQuery);
    const { query, errors } = reportQueryOf(filters, principal.tier, codes['review-types']);
    if (REPORT_PAGES[report].overAllAreas) query.set('area', 'all');
    const answer = errors.length === 0 ? await this.reports.read(principal, report, query) : undefined;
    const canExport = principal.permissions.includes(Permissions.reportExport);
    const dashboard = await reportPageViewModel({ name: report, principal, filters, errors, answer, codes, organisationNames, canExport });
    await renderPage(reply, 200, 'dashboards/report.njk', { dashboard, errorList: dashboard.errorList });
  }

  @Get(':name/csv')
  @PagePermission(Permissions.reportExport)
  async csv(@PageSession() { principal }: ResumedSession, @Param('name') name: string, @Query() pageQuery: PageQuery, @Res() reply: FastifyReply): Promise<void> {
    const report = reportNameOf(name);
    const filters = filtersFromQuery(pageQuery);
    const { query, errors } = reportQueryOf(filters, principal.tier, (await this.lists.caseCodes(principal, ['review-types'] as const))['review-types']);
    // The dashboard shows what is wrong with the filters; a file could not.
    if (errors.length > 0) return redirect(reply, `/reports/${report}?${pageQueryOf(filters)}`);
    const { csv, dataAsOf } = await this.reports.csv(principal, report, query);
    await reply
      .status(200)
      .headers({ 'cache-control': 'no-store', 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${report}.csv"`, ...(dataAsOf && { 'x-data-as-of': dataAsOf }) })
      .send(csv);
  }
}
