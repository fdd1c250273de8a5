import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditedResource, CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { ApiBodyProblemResponses, problemContent } from '@scrt/http';
import { CasesService } from './cases.service.js';
import { CaseIdParam } from './dto/case-id.param.js';
import { CaseDto } from './dto/case.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';

/** What the response headers of a case mean (the client reads them; `Location` is relative to the server). */
const caseHeaders = {
  Location: { description: 'Path of the case.', schema: { type: 'string', format: 'uri-reference', example: '/api/v1/cases/0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' } },
  ETag: { description: 'The case\'s version, quoted.', schema: { type: 'string', example: '"1"' } },
} as const;

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @HttpCode(201)
  @RequirePermission(Permissions.caseCreate)
  @AuditedResource('case', 'create')
  @ApiOperation({
    operationId: 'createCase',
    summary: 'Record a case for your ICB (organisation taken from your token)',
    description: 'The submitting organisation and its region come from the access token, never from the body. Send an `Idempotency-Key` to retry safely.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first result.', example: 'b7f3c2a1-4d5e-4f60-8a9b-0c1d2e3f4a5b' })
  @ApiCreatedResponse({ type: CaseDto, description: 'The case was recorded.', headers: caseHeaders })
  @ApiOkResponse({ type: CaseDto, description: 'A retry with the same `Idempotency-Key` and body: the case recorded the first time.', headers: caseHeaders })
  @ApiConflictResponse({ description: 'The Idempotency-Key was used for a different request (`IDEMPOTENCY_KEY_REUSED`), or its first request has not finished (`IDEMPOTENCY_KEY_IN_PROGRESS`).', ...problemContent })
  @ApiBodyProblemResponses()
  async create(
    @Body() body: CreateCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDto> {
    const { dto, created } = await this.cases.create(body, principal, idempotencyKey);
    void reply.status(created ? 201 : 200).header('location', `/api/v1/cases/${dto.id}`).header('etag', `"${dto.version}"`);
    return dto;
  }

  @Get(':id')
  @RequirePermission(Permissions.caseRead)
  @AuditedResource('case', 'read')
  @ApiOperation({
    operationId: 'getCase',
    summary: 'One case, if it is in your scope',
    description: 'A case outside your scope answers 404, exactly as one that does not exist.',
  })
  @ApiOkResponse({ type: CaseDto, description: 'The case.', headers: { ETag: caseHeaders.ETag } })
  @ApiNotFoundResponse({ description: 'No such case in your scope.', ...problemContent })
  async get(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseDto> {
    const dto = await this.cases.get(params.id, principal);
    void reply.header('etag', `"${dto.version}"`);
    return dto;
  }
}
