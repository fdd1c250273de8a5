import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { ApiBodyProblemResponses, problemContent } from '@scrt/http';
import { cachingHeaders, notModified, publishedVersionEtag } from '../http-caching.js';
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
const versionCaching = cachingHeaders('"timescales.v1"');

@ApiTags('reference data: timescales')
@Controller('reference-data/timescales')
export class TimescalesController {
  constructor(private readonly timescales: TimescalesService) {}

  @Get()
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'getTimescales',
    summary: 'The timescale targets in force today, `?asAt=` a date, or a published `?version=`',
    description: 'Without parameters, the published version in force today; `asAt` picks the one in force on a date, `version` a published version by number. Drafts are never returned here. A published version never changes: its strong `ETag` names it, and `If-None-Match` with it answers 304.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of the representation the client holds.', example: '"timescales.v1"' })
  @ApiOkResponse({ type: TimescaleVersionDto, description: 'The timescale version asked for, with its targets.', headers: versionCaching })
  @ApiResponse({ status: 304, description: 'Not modified: the version named by If-None-Match is the one asked for.', headers: versionCaching })
  @ApiNotFoundResponse({ description: 'No such published version, or none in force on that date.', ...problemContent })
  async get(
    @Query() query: TimescaleVersionQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TimescaleVersionDto | undefined> {
    const version = await this.timescales.get(query);
    return notModified(reply, ifNoneMatch, publishedVersionEtag('timescales', version.version)) ? undefined : version;
  }

  @Get('versions')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'listTimescaleVersions',
    summary: 'Every version of the timescales (the history): drafts and published, with who published them',
    description: 'Every version ever started, published, or discarded, with when and by whom it was published: the audit history of the targets.',
  })
  @ApiOkResponse({ type: TimescaleVersionListDto, description: 'Every version of the timescales, oldest first.' })
  async versions(): Promise<TimescaleVersionListDto> {
    return { items: await this.timescales.listVersions() };
  }

  @Get('target')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'getTimescaleTarget',
    summary: "The target of a review type and stage for an ICB (its override, else the national default); with `from`, the due date",
    description: 'The ICB\'s own target when the version in force has an override for it, else the national default; `scope` says which. With `from`, the answer also gives the due date counted from that start event.',
  })
  @ApiOkResponse({ type: TargetInForceDto, description: 'The target in force, and the due date when `from` was given.' })
  @ApiNotFoundResponse({ description: 'No target for that review type and stage.', ...problemContent })
  target(@Query() query: TargetInForceQuery): Promise<TargetInForceDto> {
    return this.timescales.targetInForce(query);
  }

  @Get('draft')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'getTimescaleDraft',
    summary: 'The draft being edited',
    description: 'The version being edited, which no deadline uses until it is published.',
  })
  @ApiOkResponse({ type: TimescaleVersionDto, description: 'The draft, with its targets.' })
  @ApiNotFoundResponse(noDraft)
  draft(): Promise<TimescaleVersionDto> {
    return this.timescales.draft();
  }

  @Post('draft')
  @HttpCode(201)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'createTimescaleDraft',
    summary: 'Start a draft from the latest published version; audited',
    description: 'Copies the targets of the latest published version into a new draft to edit. Only one draft exists at a time.',
  })
  @ApiCreatedResponse({ type: TimescaleVersionDto, description: 'The draft was started: a copy of the latest published version.' })
  @ApiConflictResponse({ description: 'A draft exists already.', ...problemContent })
  createDraft(@CurrentPrincipal() principal: Principal): Promise<TimescaleVersionDto> {
    return this.timescales.createDraft(principal);
  }

  @Put('draft/targets')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'replaceTimescaleDraftTarget',
    summary: "Set a target in the draft (national default, or an ICB's override); audited",
    description: 'Sets (adds or replaces) the target of a review type and stage in the draft: the national default without `icbOdsCode`, or that ICB\'s override with it.',
  })
  @ApiOkResponse({ type: TimescaleVersionDto, description: 'The draft with the target set.' })
  @ApiNotFoundResponse(noDraft)
  @ApiBodyProblemResponses()
  putTarget(@Body() body: PutTimescaleTargetDto, @CurrentPrincipal() principal: Principal): Promise<TimescaleVersionDto> {
    return this.timescales.putTarget(body, principal);
  }

  @Delete('draft/targets')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'deleteTimescaleDraftTarget',
    summary: 'Remove a target (typically an ICB override) from the draft; audited',
    description: 'Removes the target named by review type, stage and ICB from the draft; removing an ICB override lets the national default apply to that ICB again.',
  })
  @ApiOkResponse({ type: TimescaleVersionDto, description: 'The draft without the target.' })
  @ApiNotFoundResponse({ description: 'No draft, or no such target in it.', ...problemContent })
  deleteTarget(@Query() key: TimescaleTargetKey, @CurrentPrincipal() principal: Principal): Promise<TimescaleVersionDto> {
    return this.timescales.deleteTarget(key, principal);
  }

  @Post('draft/publish')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'approveTimescaleDraft',
    summary: 'Publish the draft: in force from `effectiveFrom`, immutable from then on; audited',
    description: 'Publishes the draft as the version in force from `effectiveFrom` (today or later, and not before the latest published version). A published version never changes; later edits need a new draft.',
  })
  @ApiOkResponse({ type: TimescaleVersionDto, description: 'The published version.' })
  @ApiNotFoundResponse(noDraft)
  @ApiBodyProblemResponses()
  @HttpCode(200)
  publish(@Body() body: PublishTimescalesDto, @CurrentPrincipal() principal: Principal): Promise<TimescaleVersionDto> {
    return this.timescales.publish(body.effectiveFrom, principal);
  }

  @Delete('draft')
  @HttpCode(204)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'deleteTimescaleDraft',
    summary: 'Discard the draft; audited',
    description: 'The draft stays in the history as `discarded`; the published versions are unchanged.',
  })
  @ApiNoContentResponse({ description: 'Discarded.' })
  @ApiNotFoundResponse(noDraft)
  async discard(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.timescales.discard(principal);
  }
}
