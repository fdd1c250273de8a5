import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { problemContent } from '@scrt/http';
import {
  CreatePartnershipDto,
  CsvRowProblemDto,
  EndPartnershipDto,
  ImportPartnershipsDto,
  ImportQuery,
  ImportReportDto,
  PartnershipDto,
  PartnershipIdParam,
  PartnershipListDto,
  PartnershipListQuery,
  UpdatePartnershipDto,
} from './dto/partnership.dto.js';
import { PartnershipsService } from './partnerships.service.js';

const notFound = { description: 'No such partnership.', ...problemContent };

@ApiTags('reference data: safeguarding partnerships')
@ApiExtraModels(CsvRowProblemDto)
@Controller('reference-data/partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Get()
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'Safeguarding partnerships (LSCP, SAB, CSP), by kind, ICB and date' })
  @ApiOkResponse({ type: PartnershipListDto })
  async list(@Query() query: PartnershipListQuery): Promise<PartnershipListDto> {
    return { items: await this.partnerships.list(query) };
  }

  @Get(':id')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'One safeguarding partnership' })
  @ApiOkResponse({ type: PartnershipDto })
  @ApiNotFoundResponse(notFound)
  get(@Param() params: PartnershipIdParam): Promise<PartnershipDto> {
    return this.partnerships.get(params.id);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'Create a safeguarding partnership; audited' })
  @ApiCreatedResponse({ type: PartnershipDto })
  create(@Body() body: CreatePartnershipDto, @CurrentPrincipal() principal: Principal): Promise<PartnershipDto> {
    return this.partnerships.create(body, principal);
  }

  @Patch(':id')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'Change the name, local authorities or ICBs of a partnership; audited' })
  @ApiOkResponse({ type: PartnershipDto })
  @ApiNotFoundResponse(notFound)
  update(@Param() params: PartnershipIdParam, @Body() body: UpdatePartnershipDto, @CurrentPrincipal() principal: Principal): Promise<PartnershipDto> {
    return this.partnerships.update(params.id, body, principal);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'End a partnership on a date (kept for the records made under it); audited' })
  @ApiOkResponse({ type: PartnershipDto })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ description: 'The partnership has ended already.', ...problemContent })
  end(@Param() params: PartnershipIdParam, @Body() body: EndPartnershipDto, @CurrentPrincipal() principal: Principal): Promise<PartnershipDto> {
    return this.partnerships.end(params.id, body.effectiveTo, principal);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    summary: 'Import partnerships from CSV: all rows or none; `dryRun=true` reports every row\'s problems (line, column, message) and changes nothing; audited',
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiBadRequestResponse({ description: 'Invalid input; for a CSV with problems (code `CSV_INVALID`), `errors` holds each problem with `line` and `column`.', ...problemContent })
  importCsv(@Query() query: ImportQuery, @Body() body: ImportPartnershipsDto, @CurrentPrincipal() principal: Principal): Promise<ImportReportDto> {
    return this.partnerships.importCsv(body.csv, query.dryRun ?? false, principal);
  }
}
