import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditedResource, CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { problemContent } from '@scrt/http';
import { CaseSearchService } from './case-search.service.js';
import { CaseListDto, ListCasesQuery } from './dto/list-cases.query.js';

/** The same request with the next page's cursor, relative to the server. */
function nextPageLink(request: FastifyRequest, cursor: string): string {
  const url = new URL(request.url, 'http://service.invalid');
  url.searchParams.set('cursor', cursor);
  return `</api/v1/cases?${url.searchParams.toString()}>; rel="next"`;
}

@ApiTags('cases')
@Controller('cases')
export class CaseSearchController {
  constructor(private readonly search: CaseSearchService) {}

  @Get()
  @RequirePermission(Permissions.caseRead)
  @AuditedResource('case', 'list')
  @ApiOperation({
    operationId: 'listCases',
    summary: 'Cases in your scope: filter, search, sort, page through, or pull changes',
    description:
      'Only cases your organisation may see by the hierarchy in force today (your ICB with its sub-ICB locations and predecessors, your region, or all for national users). ' +
      'Withdrawn cases only with `includeWithdrawn=true` or `status=withdrawn`. Pages are keyset pages on (sort key, id), stable while cases are added: follow `nextCursor` or the `Link: rel="next"` header. ' +
      'A case-management system pulls changes with `updatedSince` and `sort=updatedAt`. The query (filter names only) and every case returned are audited.',
  })
  @ApiOkResponse({
    type: CaseListDto,
    description: 'One page of cases.',
    headers: { Link: { description: 'The next page, when there is one: `</api/v1/cases?...&cursor=...>; rel="next"`.', schema: { type: 'string', example: '</api/v1/cases?limit=25&cursor=eyJzIjoiLXVwZGF0ZWRBdCIsImsiOiIyMDI2LTEyLTAxIDA5OjAwOjAwLjEyMyswMCIsImkiOiIwMTkyZjVjNC03ZDFlLTdhM2ItOWMyZC00ZTVmNmE3YjhjOWQifQ>; rel="next"' } } },
  })
  @ApiBadRequestResponse({ description: 'A query parameter is not valid (`VALIDATION_FAILED`): each one is named in `errors` (an unknown one too); a cursor of another sort or not from this API is `INVALID_CURSOR`.', ...problemContent })
  async list(@Query() query: ListCasesQuery, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseListDto> {
    const page = await this.search.list(query, principal);
    if (page.nextCursor) void reply.header('link', nextPageLink(request, page.nextCursor));
    return page;
  }
}
