import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditedResource, CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { problemContent } from '@scrt/http';
import { CasesService } from './cases.service.js';
import { CaseIdParam } from './dto/case-id.param.js';
import { CaseDto } from './dto/case.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @HttpCode(201)
  @RequirePermission(Permissions.caseCreate)
  @AuditedResource('case', 'create')
  @ApiOperation({ summary: 'Record a case for your ICB (organisation taken from your token)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first result.' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiConflictResponse({ description: 'The Idempotency-Key was used for a different request.', ...problemContent })
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
  @ApiOperation({ summary: 'One case, if it is in your scope' })
  @ApiOkResponse({ type: CaseDto })
  @ApiNotFoundResponse({ description: 'No such case in your scope.', ...problemContent })
  async get(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseDto> {
    const dto = await this.cases.get(params.id, principal);
    void reply.header('etag', `"${dto.version}"`);
    return dto;
  }
}
