import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditedResource, CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { CaseloadService } from './caseload.service.js';
import { CaseloadQueryDto } from './dto/caseload-query.dto.js';
import { CaseloadReportDto } from './dto/caseload-report.dto.js';

@ApiTags('reports')
@Controller('reports')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get('caseload')
  @RequirePermission(Permissions.reportRead)
  @AuditedResource('caseload-report', 'read')
  @ApiOperation({
    operationId: 'getCaseload',
    summary: 'Caseload: new cases by region, organisation and review type, within your scope',
    description: 'Counts of cases recorded in the period, limited to what your role may see: your ICB, your region, or all of England.',
  })
  @ApiOkResponse({ type: CaseloadReportDto, description: 'The report.' })
  report(@Query() query: CaseloadQueryDto, @CurrentPrincipal() principal: Principal): Promise<CaseloadReportDto> {
    return this.caseload.report(principal, query);
  }
}
