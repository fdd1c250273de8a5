import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { ApiBodyProblemResponses, problemContent } from '@scrt/http';
import { CsvRowProblemDto } from '../partnerships/dto/partnership.dto.js';
import { CodeListsService } from './code-lists.service.js';
import {
  CodeImportReportDto,
  CodeListDiffDto,
  CodeListDiffQuery,
  CodeListHistoryDto,
  CodeListListDto,
  CodeListParam,
  CodeListVersionDto,
  CodeListVersionQuery,
  CodeParam,
  ImportCodesDto,
  ImportCodesQuery,
  PublishCodeListDto,
  PutCodeDto,
} from './dto/code-list.dto.js';
import { cachingHeaders as cachingHeadersOf, notModified, publishedVersionEtag } from '../http-caching.js';

const noList = { description: 'No such list, or no such version.', ...problemContent };
const noDraft = { description: 'No such list, or it has no draft.', ...problemContent };
const cachingHeaders = cachingHeadersOf('"review-types.v1"');

@ApiTags('reference data: code lists')
@ApiExtraModels(CsvRowProblemDto)
@Controller('reference-data/code-lists')
export class CodeListsController {
  constructor(private readonly codeLists: CodeListsService) {}

  @Get()
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'listCodeLists', summary: 'Every code list, with the version in force today', description: 'The code lists (review types, abuse themes...) and the number of the version of each in force today.' })
  @ApiOkResponse({ type: CodeListListDto, description: 'Every code list.' })
  async lists(): Promise<CodeListListDto> {
    return { items: await this.codeLists.listLists() };
  }

  @Get(':list')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'getCodeList',
    summary: 'A code list as in force today, `?asAt=` a date, or a published `?version=`; ETag and If-None-Match',
    description: 'Without parameters, the published version in force today. The answer carries a strong `ETag` and `Cache-Control`; send it back in `If-None-Match` to get 304 while it has not changed.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of the representation the client holds.', example: '"settings.v1"' })
  @ApiOkResponse({ type: CodeListVersionDto, description: 'The version asked for, with its codes.', headers: cachingHeaders })
  @ApiResponse({ status: 304, description: 'Not modified: the representation named by If-None-Match is current.', headers: cachingHeaders })
  @ApiNotFoundResponse(noList)
  async get(
    @Param() params: CodeListParam,
    @Query() query: CodeListVersionQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CodeListVersionDto | undefined> {
    const version = await this.codeLists.publishedVersionOf(params.list, query);
    if (notModified(reply, ifNoneMatch, publishedVersionEtag(params.list, version))) return undefined;
    return this.codeLists.getPublished(params.list, version);
  }

  @Get(':list/history')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'getCodeListHistory', summary: 'Every version of a list and every audited change (who, what, when)', description: 'Versions (drafts, published, discarded) with who created and published them, and the audit trail of every change to the list.' })
  @ApiOkResponse({ type: CodeListHistoryDto, description: 'The history of the list.' })
  @ApiNotFoundResponse(noList)
  history(@Param() params: CodeListParam): Promise<CodeListHistoryDto> {
    return this.codeLists.history(params.list);
  }

  @Get(':list/diff')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'getCodeListDiff', summary: 'The difference between two versions of a list', description: 'Codes added, removed and changed from version `from` to version `to` (a draft may be compared too).' })
  @ApiOkResponse({ type: CodeListDiffDto, description: 'What changed.' })
  @ApiNotFoundResponse(noList)
  diff(@Param() params: CodeListParam, @Query() query: CodeListDiffQuery): Promise<CodeListDiffDto> {
    return this.codeLists.diff(params.list, query.from, query.to);
  }

  @Get(':list/csv')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ operationId: 'exportCodeListCsv', summary: 'A version of a list as CSV (default: the one in force today)', description: 'Columns `code,label,description,sort_order,parent_code,deprecated`, the format the import reads.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The codes as CSV.', content: { 'text/csv': { schema: { type: 'string', example: 'code,label,description,sort_order,parent_code,deprecated\nRAPID_REVIEW,Rapid review,,10,,false\n' } } } })
  @ApiNotFoundResponse(noList)
  async exportCsv(@Param() params: CodeListParam, @Query() query: CodeListVersionQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const csv = await this.codeLists.exportCsv(params.list, query.version);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${params.list}.csv"`);
    return csv;
  }

  @Post(':list/drafts')
  @HttpCode(201)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ operationId: 'createCodeListDraft', summary: 'Start a draft from the latest published version; audited', description: 'Copies the codes of the latest published version into a new draft. One draft per list at a time; a discarded draft keeps its number.' })
  @ApiCreatedResponse({ type: CodeListVersionDto, description: 'The draft was started.' })
  @ApiNotFoundResponse(noList)
  @ApiConflictResponse({ description: 'A draft of the list exists already.', ...problemContent })
  createDraft(@Param() params: CodeListParam, @CurrentPrincipal() principal: Principal): Promise<CodeListVersionDto> {
    return this.codeLists.createDraft(params.list, principal);
  }

  @Get(':list/versions/draft')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ operationId: 'getCodeListDraft', summary: 'The draft of a list being edited', description: 'The version being edited, which no record uses until it is published.' })
  @ApiOkResponse({ type: CodeListVersionDto, description: 'The draft, with its codes.' })
  @ApiNotFoundResponse(noDraft)
  draft(@Param() params: CodeListParam): Promise<CodeListVersionDto> {
    return this.codeLists.draft(params.list);
  }

  @Delete(':list/versions/draft')
  @HttpCode(204)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ operationId: 'deleteCodeListDraft', summary: 'Discard the draft; audited', description: 'The draft stays in the history as `discarded`, so its number is never reused.' })
  @ApiNoContentResponse({ description: 'Discarded.' })
  @ApiNotFoundResponse(noDraft)
  async discard(@Param() params: CodeListParam, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.codeLists.discard(params.list, principal);
  }
  @Put(':list/draft/codes/:code')
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ operationId: 'replaceCodeListDraftCode', summary: 'Add or edit a code of the draft (deprecate with `deprecated: true`); audited', description: 'Sets the code in the draft: label, description, sort order, parent (grouped lists) and deprecation; without a draft, one is started from the latest published version first. Codes are never removed: a code no longer to be used is deprecated.' })
  @ApiOkResponse({ type: CodeListVersionDto, description: 'The draft with the code set.' })
  @ApiNotFoundResponse(noList)
  @ApiBodyProblemResponses()
  putCode(@Param() params: CodeParam, @Body() body: PutCodeDto, @CurrentPrincipal() principal: Principal): Promise<CodeListVersionDto> {
    return this.codeLists.putCode(params.list, params.code, body, principal);
  }

  @Post(':list/draft/import')
  @HttpCode(200)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'submitCodeListDraftImport',
    summary: 'Set codes of the draft from CSV: all rows or none; `dryRun=true` reports every row\'s problems and changes nothing; audited',
    description: 'Each row adds or replaces a code of the draft (started from the latest published version when there is none). When any row is wrong nothing changes and the answer is 400 `CSV_INVALID` with each problem\'s line and column; with `dryRun=true` the report lists them and nothing changes either way.',
  })
  @ApiOkResponse({ type: CodeImportReportDto, description: 'The report of the import.' })
  @ApiNotFoundResponse(noList)
  @ApiBodyProblemResponses()
  importCsv(@Param() params: CodeListParam, @Query() query: ImportCodesQuery, @Body() body: ImportCodesDto, @CurrentPrincipal() principal: Principal): Promise<CodeImportReportDto> {
    return this.codeLists.importCsv(params.list, body.csv, query.dryRun ?? false, principal);
  }

  @Post(':list/draft/publish')
  @HttpCode(200)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'approveCodeListDraft',
    summary: 'Publish the draft: in force from `effectiveFrom`, immutable, announced to every service; audited',
    description: 'Publishes the draft atomically with its `reference-data.code-list.published.v1` event. A code published before must still be in it (deprecated if no longer to be used).',
  })
  @ApiOkResponse({ type: CodeListVersionDto, description: 'The published version.' })
  @ApiNotFoundResponse(noDraft)
  @ApiBodyProblemResponses()
  publish(@Param() params: CodeListParam, @Body() body: PublishCodeListDto, @CurrentPrincipal() principal: Principal): Promise<CodeListVersionDto> {
    return this.codeLists.publish(params.list, body.effectiveFrom, principal);
  }

}
