import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { ApiBodyProblemResponses, problemContent } from '@scrt/http';
import { ImportQuery } from '../partnerships/dto/partnership.dto.js';
import { AsAtQuery, HierarchyDto, ImportOrganisationChangesDto, OrganisationHistoryDto, OrganisationImportReportDto, RelativesDto, RollUpDto, SuccessorDto } from './dto/hierarchy.dto.js';
import { OdsCodeParam } from './dto/ods-code.param.js';
import { OrganisationDto, OrganisationListDto } from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

const notFound = { description: 'No organisation has this ODS code.', ...problemContent };

@ApiTags('reference data')
@Controller('reference-data/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'listOrganisations',
    summary: 'NHS England, its regions, the ICBs and sub-ICB locations; `?asAt=` those in force on a date',
    description: 'Without `asAt`, every organisation the tracker knows, current and past (`effectiveTo` set once closed), with its parent today (a closed one: its last parent). With `asAt`, those in force on that date with their parent then.',
  })
  @ApiOkResponse({ type: OrganisationListDto, description: 'The organisations.' })
  async list(@Query() query: AsAtQuery): Promise<OrganisationListDto> {
    return { items: await this.organisations.list(query.asAt) };
  }

  @Get('hierarchy')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'getOrganisationHierarchy', summary: 'The hierarchy in force today or `?asAt=` a date', description: 'Every organisation in force on the date, each with its parent on that date.' })
  @ApiOkResponse({ type: HierarchyDto, description: 'The hierarchy on the date.' })
  hierarchy(@Query() query: AsAtQuery): Promise<HierarchyDto> {
    return this.organisations.hierarchyAsAt(query.asAt);
  }

  @Post('changes')
  @HttpCode(200)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'submitOrganisationChanges',
    summary: "Import an ODS-style change file (mergers, boundary changes): all rows or none; `dryRun=true` reports every row's problems and changes nothing; audited",
    description:
      'Applies the rows to the hierarchy and checks the result: unknown parent, wrong parent type, a cycle, overlapping periods of a code, a duplicate code, a child outside its parent\'s period, a successor starting before its predecessor ends. When any row is wrong nothing changes and the answer is 400 `CSV_INVALID` with each problem\'s `line` and `column`. With `dryRun=true` nothing changes either way and the report lists the problems.',
  })
  @ApiOkResponse({ type: OrganisationImportReportDto, description: 'The report: rows read and organisations changed (none on a dry run).' })
  @ApiBadRequestResponse({ description: 'Invalid input; for a change file with problems (code `CSV_INVALID`), `errors` holds each problem with `line` and `column`.', ...problemContent })
  @ApiBodyProblemResponses()
  importChanges(@Query() query: ImportQuery, @Body() body: ImportOrganisationChangesDto, @CurrentPrincipal() principal: Principal): Promise<OrganisationImportReportDto> {
    return this.organisations.importChanges(body.csv, query.dryRun ?? false, principal);
  }

  @Get(':odsCode')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'getOrganisation', summary: 'One organisation by ODS code', description: 'An organisation, current or past, by its ODS code, with its parent today (a closed one: its last parent).' })
  @ApiOkResponse({ type: OrganisationDto, description: 'The organisation.' })
  @ApiNotFoundResponse(notFound)
  get(@Param() params: OdsCodeParam): Promise<OrganisationDto> {
    return this.organisations.get(params.odsCode);
  }

  @Get(':odsCode/ancestors')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'listOrganisationAncestors', summary: 'Parent, grandparent... up to NHS England, today or `?asAt=`', description: 'The chain of parents on the date, nearest first.' })
  @ApiOkResponse({ type: RelativesDto, description: 'The ancestors on the date.' })
  @ApiNotFoundResponse(notFound)
  ancestors(@Param() params: OdsCodeParam, @Query() query: AsAtQuery): Promise<RelativesDto> {
    return this.organisations.ancestors(params.odsCode, query.asAt);
  }

  @Get(':odsCode/descendants')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'listOrganisationDescendants', summary: 'Everything below an organisation, today or `?asAt=`', description: 'Children, grandchildren... on the date, breadth first.' })
  @ApiOkResponse({ type: RelativesDto, description: 'The descendants on the date.' })
  @ApiNotFoundResponse(notFound)
  descendants(@Param() params: OdsCodeParam, @Query() query: AsAtQuery): Promise<RelativesDto> {
    return this.organisations.descendants(params.odsCode, query.asAt);
  }

  @Get(':odsCode/successor')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'getOrganisationSuccessor', summary: 'The current successor of an organisation (itself while in force)', description: 'Follows mergers to the organisation in force today (or `?asAt=`) that carries this one on.' })
  @ApiOkResponse({ type: SuccessorDto, description: 'The successor on the date.' })
  @ApiNotFoundResponse(notFound)
  successor(@Param() params: OdsCodeParam, @Query() query: AsAtQuery): Promise<SuccessorDto> {
    return this.organisations.successor(params.odsCode, query.asAt);
  }

  @Get(':odsCode/roll-up')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'getOrganisationRollUp',
    summary: 'What a record submitted under this code rolls up to now: the ICB, region and NHS England that see it',
    description: 'Scope follows the hierarchy in force today (or `?asAt=`): a record keeps the code it was submitted under and is seen by the ICB that code rolls up to (through mergers), that ICB\'s region and national users. For an ICB or region, `recordOdsCodes` lists every code whose records it sees.',
  })
  @ApiOkResponse({ type: RollUpDto, description: 'The roll-up on the date.' })
  @ApiNotFoundResponse(notFound)
  rollUp(@Param() params: OdsCodeParam, @Query() query: AsAtQuery): Promise<RollUpDto> {
    return this.organisations.rollUp(params.odsCode, query.asAt);
  }

  @Get(':odsCode/history')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'getOrganisationHistory', summary: 'An organisation through time: parents, predecessors, successors, and who changed it', description: 'Its dated parent links, the mergers it took part in, and the audited changes (who, what, when).' })
  @ApiOkResponse({ type: OrganisationHistoryDto, description: 'The history of the organisation.' })
  @ApiNotFoundResponse(notFound)
  history(@Param() params: OdsCodeParam): Promise<OrganisationHistoryDto> {
    return this.organisations.history(params.odsCode);
  }
}
