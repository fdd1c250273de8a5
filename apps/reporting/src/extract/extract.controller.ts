import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditedResource, CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { CaseFactChangesDto, CaseFactChangesQueryDto } from './dto/extract.dto.js';
import { CASE_FACTS_EXTRACT, ExtractService } from './extract.service.js';

@ApiTags('reports')
@Controller('reports/extract')
export class ExtractController {
  constructor(private readonly extract: ExtractService) {}

  @Get('cases')
  @RequirePermission(Permissions.reportExport)
  @AuditedResource(CASE_FACTS_EXTRACT, 'export')
  @ApiOperation({
    operationId: 'listCaseFactChanges',
    summary: 'Incremental extract: case facts changed since a watermark, within your scope',
    description: 'Paged and resumable: store `nextWatermark` and pass it as `after`. Each page lists cases changed after the watermark as they are now, in change order. After a warehouse rebuild every fact gets a new change number, so a client pulls them again (the same facts: apply by `caseId`).',
  })
  @ApiOkResponse({ type: CaseFactChangesDto, description: 'One page of changes.' })
  caseChanges(@Query() query: CaseFactChangesQueryDto, @CurrentPrincipal() principal: Principal): Promise<CaseFactChangesDto> {
    return this.extract.caseChanges(principal, query);
  }
}
