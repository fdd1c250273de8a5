import { Controller, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '@scrt/auth';
import type { Principal } from '@scrt/contracts';
import type { FastifyReply } from 'fastify';
import { CaseloadReportDto, ConversionReportDto, DataQualityReportDto, LearningReportDto, ThemesReportDto, TimelinessReportDto, WorkloadReportDto } from './dto/report-answer.dto.js';
import { ReportQueryDto } from './dto/report-query.dto.js';
import type { ReportName } from './report-definitions.js';
import { ReportCsvRoute, ReportJsonRoute } from './report-route.decorator.js';
import { ReportsService, type ReportAnswer } from './reports.service.js';

const CASELOAD = { operation: 'Caseload', summary: 'Caseload: new, open and closed cases by type, ICB, region and period', description: 'Periods are months, quarters or financial years (April to March) of the date added.' };
const CONVERSION = { operation: 'ConversionReport', summary: 'Rapid review conversion to CSPR, SAR and DHR by period and area', description: 'Rapid reviews opened in the period and how many were converted, to which type.' };
const TIMELINESS = { operation: 'TimelinessReport', summary: 'Timeliness: days to decision, sign-off and publication, reviews past target, slippage, embargoes', description: 'Medians over the reviews opened in the period; past target counts open reviews today.' };
const THEMES = { operation: 'ThemesReport', summary: 'Themes: abuse/vulnerability and recommendation themes by type, ICB, region and period', description: 'Counts of cases per theme (and how often it is theme 1), and of recommendations per theme.' };
const LEARNING = { operation: 'LearningReport', summary: 'Learning: recommendations, actions, lessons and dissemination by status; overdue items', description: 'Items by kind and status, with those past their due date.' };
const WORKLOAD = { operation: 'WorkloadReport', summary: 'Designated-professional workload', description: 'Cases and open cases per designated professional.' };
const DATA_QUALITY = { operation: 'DataQualityReport', summary: 'Data quality: missing identifiers, date-order breaks, stale records, closed without sign-off', description: 'Counts per ICB of records that need attention.' };

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ReportJsonRoute('caseload', CASELOAD, CaseloadReportDto)
  async caseload(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal): Promise<ReportAnswer & { totalCases: number }> {
    const answer = await this.reports.read('caseload', principal, query);
    return { ...answer, totalCases: answer.rows.reduce((sum, row) => sum + Number(row.cases), 0) };
  }

  @ReportCsvRoute('caseload', CASELOAD)
  caseloadCsv(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.csv('caseload', query, principal, reply);
  }

  @ReportJsonRoute('conversion', CONVERSION, ConversionReportDto)
  conversion(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.reports.read('conversion', principal, query);
  }

  @ReportCsvRoute('conversion', CONVERSION)
  conversionCsv(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.csv('conversion', query, principal, reply);
  }

  @ReportJsonRoute('timeliness', TIMELINESS, TimelinessReportDto)
  timeliness(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.reports.read('timeliness', principal, query);
  }

  @ReportCsvRoute('timeliness', TIMELINESS)
  timelinessCsv(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.csv('timeliness', query, principal, reply);
  }

  @ReportJsonRoute('themes', THEMES, ThemesReportDto)
  themes(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.reports.read('themes', principal, query);
  }

  @ReportCsvRoute('themes', THEMES)
  themesCsv(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.csv('themes', query, principal, reply);
  }

  @ReportJsonRoute('learning', LEARNING, LearningReportDto)
  learning(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.reports.read('learning', principal, query);
  }

  @ReportCsvRoute('learning', LEARNING)
  learningCsv(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.csv('learning', query, principal, reply);
  }

  @ReportJsonRoute('workload', WORKLOAD, WorkloadReportDto)
  workload(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.reports.read('workload', principal, query);
  }

  @ReportCsvRoute('workload', WORKLOAD)
  workloadCsv(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.csv('workload', query, principal, reply);
  }

  @ReportJsonRoute('data-quality', DATA_QUALITY, DataQualityReportDto)
  dataQuality(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.reports.read('data-quality', principal, query);
  }

  @ReportCsvRoute('data-quality', DATA_QUALITY)
  dataQualityCsv(@Query() query: ReportQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.csv('data-quality', query, principal, reply);
  }

  private async csv(name: ReportName, query: ReportQueryDto, principal: Principal, reply: FastifyReply): Promise<StreamableFile> {
    const { csv, dataAsOf } = await this.reports.export(name, principal, query);
    if (dataAsOf) void reply.header('x-data-as-of', dataAsOf);
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8' });
  }
}
