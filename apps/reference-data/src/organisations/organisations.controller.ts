import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@scrt/auth';
import { Permissions } from '@scrt/contracts';
import { OdsCodeParam } from './dto/ods-code.param.js';
import { OrganisationDto, OrganisationListDto } from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('reference data')
@Controller('reference-data/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'NHS England, its regions and the ICBs, with their hierarchy' })
  @ApiOkResponse({ type: OrganisationListDto })
  async list(): Promise<OrganisationListDto> {
    return { items: await this.organisations.list() };
  }

  @Get(':odsCode')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'One organisation by ODS code' })
  @ApiOkResponse({ type: OrganisationDto })
  get(@Param() params: OdsCodeParam): Promise<OrganisationDto> {
    return this.organisations.get(params.odsCode);
  }
}
