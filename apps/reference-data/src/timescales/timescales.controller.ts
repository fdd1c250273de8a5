import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { problemContent } from '@scrt/http';
import {
  PublishTimescalesDto,
  PutTimescaleTargetDto,
  TargetInForceDto,
  TargetInForceQuery,
  TimescaleTargetKey,
  TimescaleVersionDto,
  TimescaleVersionListDto,
  TimescaleVersionQuery,
} from './dto/timescale.dto.js';
import { TimescalesService } from './timescales.service.js';

const noDraft = { description: 'There is no draft.', ...problemContent };

@ApiTags('reference data: timescales')
@Controller('reference-data/timescales')
export class TimescalesController {
  constructor(private readonly timescales: TimescalesService) {}

  @Get()
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'The timescale targets in force today, `?asAt=` a date, or a published `?version=`' })
  @ApiOkResponse({ type: TimescaleVersionDto })
  @ApiNotFoundResponse({ description: 'No such published version, or none in force on that date.', ...problemContent })
  get(@Query() query: TimescaleVersionQuery): Promise<TimescaleVersionDto> {
    return this.timescales.get(query);
  }

  @Get('versions')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'Every version of the timescales (the history): drafts and published, with who published them' })
  @ApiOkResponse({ type: TimescaleVersionListDto })
  async versions(): Promise<TimescaleVersionListDto> {
    return { items: await this.timescales.listVersions() };
  }

  @Get('target')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: "The target of a review type and stage for an ICB (its override, else the national default); with `from`, the due date" })
  @ApiOkResponse({ type: TargetInForceDto })
  @ApiNotFoundResponse({ description: 'No target for that review type and stage.', ...problemContent })
  target(@Query() query: TargetInForceQuery): Promise<TargetInForceDto> {
    return this.timescales.targetInForce(query);
  }

  @Get('draft')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'The draft being edited' })
  @ApiOkResponse({ type: TimescaleVersionDto })
  @ApiNotFoundResponse(noDraft)
  draft(): Promise<TimescaleVersionDto> {
    return this.timescales.draft();
  }

  @Post('draft')
  @HttpCode(201)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'Start a draft from the latest published version; audited' })
  @ApiCreatedResponse({ type: TimescaleVersionDto })
  @ApiConflictResponse({ description: 'A draft exists already.', ...problemContent })
  createDraft(@CurrentPrincipal() principal: Principal): Promise<TimescaleVersionDto> {
    return this.timescales.createDraft(principal);
  }

  @Put('draft/targets')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: "Set a target in the draft (national default, or an ICB's override); audited" })
  @ApiOkResponse({ type: TimescaleVersionDto })
  @ApiNotFoundResponse(noDraft)
  putTarget(@Body() body: PutTimescaleTargetDto, @CurrentPrincipal() principal: Principal): Promise<TimescaleVersionDto> {
    return this.timescales.putTarget(body, principal);
  }

  @Delete('draft/targets')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'Remove a target (typically an ICB override) from the draft; audited' })
  @ApiOkResponse({ type: TimescaleVersionDto })
  @ApiNotFoundResponse({ description: 'No draft, or no such target in it.', ...problemContent })
  deleteTarget(@Query() key: TimescaleTargetKey, @CurrentPrincipal() principal: Principal): Promise<TimescaleVersionDto> {
    return this.timescales.deleteTarget(key, principal);
  }

  @Post('draft/publish')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'Publish the draft: in force from `effectiveFrom`, immutable from then on; audited' })
  @ApiOkResponse({ type: TimescaleVersionDto })
  @ApiNotFoundResponse(noDraft)
  @HttpCode(200)
  publish(@Body() body: PublishTimescalesDto, @CurrentPrincipal() principal: Principal): Promise<TimescaleVersionDto> {
    return this.timescales.publish(body.effectiveFrom, principal);
  }

  @Delete('draft')
  @HttpCode(204)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'Discard the draft; audited' })
  @ApiNoContentResponse({ description: 'Discarded.' })
  @ApiNotFoundResponse(noDraft)
  async discard(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.timescales.discard(principal);
  }
}
