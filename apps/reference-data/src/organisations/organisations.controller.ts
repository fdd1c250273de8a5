import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@scrt/auth';
import { Permissions } from '@scrt/contracts';
import { problemContent } from '@scrt/http';
import { OdsCodeParam } from './dto/ods-code.param.js';
import { OrganisationDto, OrganisationListDto } from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('reference data')
@Controller('reference-data/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'listOrganisations',
    summary: 'NHS England, its regions and the ICBs, with their hierarchy',
    description: 'Every organisation the tracker knows, current and past (`effectiveTo` set once closed).',
  })
  @ApiOkResponse({ type: OrganisationListDto, description: 'The organisations.' })
  async list(): Promise<OrganisationListDto> {
    return { items: await this.organisations.list() };
  }

  @Get(':odsCode')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'getOrganisation', summary: 'One organisation by ODS code', description: 'An organisation, current or past, by its ODS code.' })
  @ApiOkResponse({ type: OrganisationDto, description: 'The organisation.' })
  @ApiNotFoundResponse({ description: 'No organisation has this ODS code.', ...problemContent })
  get(@Param() params: OdsCodeParam): Promise<OrganisationDto> {
    return this.organisations.get(params.odsCode);
  }
}
