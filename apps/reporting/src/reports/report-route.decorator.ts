import { applyDecorators, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { AuditedResource, RequirePermission } from '@scrt/auth';
import { Permissions } from '@scrt/contracts';
import { REPORTS, type ReportName } from './report-definitions.js';

interface ReportRouteDoc {
  /** e.g. `Caseload` (operations `getCaseload` and `exportCaseloadCsv`). */
  operation: string;
  summary: string;
  description: string;
}

/** A report as JSON: `report:read`, audited as a read of the report. */
export const ReportJsonRoute = (name: ReportName, doc: ReportRouteDoc, type: new () => object) =>
  applyDecorators(
    Get(name),
    RequirePermission(Permissions.reportRead),
    AuditedResource(REPORTS[name].resourceType, 'read'),
    ApiOperation({ operationId: `get${doc.operation}`, summary: `${doc.summary}, within your scope`, description: `${doc.description} Scoped: an ICB sees its own records (with its predecessors' and sub-ICB locations'), a region its region, national everything, through the hierarchy in force today.` }),
    ApiOkResponse({ type, description: 'The report, with the time of the latest change it includes (`dataAsOf`).' }),
  );

/** The same report as CSV, streamed: `report:export`, audited as an export. */
export const ReportCsvRoute = (name: ReportName, doc: ReportRouteDoc) =>
  applyDecorators(
    Get(`${name}/csv`),
    RequirePermission(Permissions.reportExport),
    AuditedResource(REPORTS[name].resourceType, 'export'),
    Header('content-type', 'text/csv; charset=utf-8'),
    Header('content-disposition', `attachment; filename="${name}.csv"`),
    ApiOperation({ operationId: `export${doc.operation}Csv`, summary: `${doc.summary} as CSV, within your scope`, description: `The rows of \`get${doc.operation}\` with the same filters, streamed. Cells a spreadsheet would run as a formula are prefixed with \`'\`. Header \`X-Data-As-Of\`: the time of the latest change included.` }),
    ApiProduces('text/csv'),
    ApiOkResponse({ description: 'The report as CSV (header line first).', content: { 'text/csv': { schema: { type: 'string', example: `${REPORTS[name].columns.join(',')}\r\n` } } } }),
  );
