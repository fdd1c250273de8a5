import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditedResource, CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { problemContent } from '@scrt/http';
import { CaseIdParam } from '../cases/dto/case-id.param.js';
import { CaseViewsService } from './case-views.service.js';
import { CaseViewLogDto } from './dto/case-view.dto.js';

@ApiTags('cases')
@Controller('cases')
export class CaseViewsController {
  constructor(private readonly views: CaseViewsService) {}

  @Get(':id/views')
  @RequirePermission(Permissions.caseViewLog)
  @AuditedResource('case', 'read')
  @ApiOperation({
    operationId: 'listCaseViews',
    summary: 'Who looked at a case: its view log',
    description:
      "Every recorded access to the case (read, returned by a list, created, changed), who, in which role and organisation, when, and the outcome; newest first. For holders of `case:view-log` (data-input and oversight roles) whose scope holds the case: the case's own ICB, its region, or national.",
  })
  @ApiOkResponse({ type: CaseViewLogDto, description: 'The view log.' })
  @ApiNotFoundResponse({ description: 'No such case in your scope.', ...problemContent })
  list(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal): Promise<CaseViewLogDto> {
    return this.views.viewLog(params.id, principal);
  }
}
