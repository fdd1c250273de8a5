import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { ApiBodyProblemResponses, problemContent } from '@scrt/http';
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
  @ApiOperation({
    operationId: 'listPartnerships',
    summary: 'Safeguarding partnerships (LSCP, SAB, CSP), by kind, ICB and date',
    description: 'Local Safeguarding Children Partnerships, Safeguarding Adults Boards and Community Safety Partnerships, filtered by kind, by an ICB they work with, and by the date they existed on.',
  })
  @ApiOkResponse({ type: PartnershipListDto, description: 'The partnerships that match the filters.' })
  async list(@Query() query: PartnershipListQuery): Promise<PartnershipListDto> {
    return { items: await this.partnerships.list(query) };
  }

  @Get(':id')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'getPartnership',
    summary: 'One safeguarding partnership',
    description: 'A partnership by its id, ended or not.',
  })
  @ApiOkResponse({ type: PartnershipDto, description: 'The partnership.' })
  @ApiNotFoundResponse(notFound)
  get(@Param() params: PartnershipIdParam): Promise<PartnershipDto> {
    return this.partnerships.get(params.id);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'createPartnership',
    summary: 'Create a safeguarding partnership; audited',
    description: 'Records a partnership with the local authorities and ICBs it covers, in force from `effectiveFrom`.',
  })
  @ApiCreatedResponse({ type: PartnershipDto, description: 'The partnership was created.' })
  @ApiBodyProblemResponses()
  create(@Body() body: CreatePartnershipDto, @CurrentPrincipal() principal: Principal): Promise<PartnershipDto> {
    return this.partnerships.create(body, principal);
  }

  @Patch(':id')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'updatePartnership',
    summary: 'Change the name, local authorities or ICBs of a partnership; audited',
    description: 'Changes only the fields sent; kind and dates do not change here (end a partnership with its `end` operation).',
  })
  @ApiOkResponse({ type: PartnershipDto, description: 'The partnership as changed.' })
  @ApiNotFoundResponse(notFound)
  @ApiBodyProblemResponses()
  update(@Param() params: PartnershipIdParam, @Body() body: UpdatePartnershipDto, @CurrentPrincipal() principal: Principal): Promise<PartnershipDto> {
    return this.partnerships.update(params.id, body, principal);
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'closePartnership',
    summary: 'End a partnership on a date (kept for the records made under it); audited',
    description: 'Ends the partnership on `effectiveTo`, its last day. It is kept, so that records made under it still name it.',
  })
  @ApiOkResponse({ type: PartnershipDto, description: 'The partnership, ended on `effectiveTo`.' })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ description: 'The partnership has ended already.', ...problemContent })
  @ApiBodyProblemResponses()
  end(@Param() params: PartnershipIdParam, @Body() body: EndPartnershipDto, @CurrentPrincipal() principal: Principal): Promise<PartnershipDto> {
    return this.partnerships.end(params.id, body.effectiveTo, principal);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'submitPartnershipImport',
    summary: 'Import partnerships from CSV: all rows or none; `dryRun=true` reports every row\'s problems (line, column, message) and changes nothing; audited',
    description: 'Reads every row of the CSV; when any row is wrong nothing is created and the answer is 400 `CSV_INVALID` listing each problem with its line and column. With `dryRun=true` nothing is created either way and the report lists the problems.',
  })
  @ApiOkResponse({ type: ImportReportDto, description: 'The report of the import: rows read and partnerships created (none on a dry run).' })
  @ApiBadRequestResponse({ description: 'Invalid input; for a CSV with problems (code `CSV_INVALID`), `errors` holds each problem with `line` and `column`.', ...problemContent })
  @ApiBodyProblemResponses()
  importCsv(@Query() query: ImportQuery, @Body() body: ImportPartnershipsDto, @CurrentPrincipal() principal: Principal): Promise<ImportReportDto> {
    return this.partnerships.importCsv(body.csv, query.dryRun ?? false, principal);
  }
}
