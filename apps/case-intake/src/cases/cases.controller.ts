import { applyDecorators, Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditedResource, CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { ApiBodyProblemResponses, problemContent, RawBody } from '@scrt/http';
import { CasesService } from './cases.service.js';
import { CaseChangeDto } from './dto/case-change.dto.js';
import { CaseIdParam } from './dto/case-id.param.js';
import { CASE_INPUT_EXAMPLE, CaseInputDto } from './dto/case-input.dto.js';
import { CaseDto, CaseHistoryDto } from './dto/case.dto.js';
import { WithdrawalDto } from './dto/withdrawal.dto.js';

/** What the response headers of a case mean (the client reads them; `Location` is relative to the server). */
const caseHeaders = {
  Location: { description: 'Path of the case.', schema: { type: 'string', format: 'uri-reference', example: '/api/v1/cases/0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' } },
  ETag: { description: 'The case\'s version, quoted: send it back in `If-Match` to change the case.', schema: { type: 'string', example: '"1"' } },
} as const;

const invalidCase = 'Some items are not valid (`VALIDATION_FAILED`): every problem is listed in `errors`, each with `field`, `pointer` and a stable `code`.';
const personalData =
  'Free text looks like personal data (`PERSONAL_DATA_DETECTED`, when the service refuses it): each entry of `errors` names the field, the kind (in `code`) and the character range, never the text.';
const notFound = { description: 'No such case in your scope.', ...problemContent };

const IfMatch = () => ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the case as you read it (its version, quoted).', example: '"1"' });
const ChangeResponses = () =>
  applyDecorators(
  IfMatch(),
  ApiOkResponse({ type: CaseDto, description: 'The case after the change.', headers: { ETag: caseHeaders.ETag } }),
  ApiUnprocessableEntityResponse({ description: personalData, ...problemContent }),
  ApiResponse({ status: 428, description: 'No `If-Match` (`PRECONDITION_REQUIRED`).', ...problemContent }),
  ApiPreconditionFailedResponse({ description: 'The case has changed since you read it (`VERSION_MISMATCH`): read it again.', ...problemContent }),
  ApiConflictResponse({ description: 'The case is withdrawn and can no longer be changed (`CASE_WITHDRAWN`).', ...problemContent }),
  ApiNotFoundResponse(notFound),
  ApiBodyProblemResponses(),
  );

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
    description:
      'The submitting organisation and its region come from the access token, never from the body. Every problem of the body is reported together. Send an `Idempotency-Key` to retry safely.',
  })
  @ApiBody({ type: CaseInputDto, examples: { case: { summary: 'A rapid review', value: CASE_INPUT_EXAMPLE } } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first result.', example: 'b7f3c2a1-4d5e-4f60-8a9b-0c1d2e3f4a5b' })
  @ApiCreatedResponse({ type: CaseDto, description: 'The case was recorded.', headers: caseHeaders })
  @ApiOkResponse({ type: CaseDto, description: 'A retry with the same `Idempotency-Key` and body: the case recorded the first time.', headers: caseHeaders })
  @ApiBadRequestResponse({ description: invalidCase, ...problemContent })
  @ApiUnprocessableEntityResponse({ description: personalData, ...problemContent })
  @ApiConflictResponse({ description: 'The Idempotency-Key was used for a different request (`IDEMPOTENCY_KEY_REUSED`), or its first request has not finished (`IDEMPOTENCY_KEY_IN_PROGRESS`).', ...problemContent })
  @ApiBodyProblemResponses()
  async create(
    @RawBody() body: unknown,
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
    description: 'A case outside your scope answers 404, exactly as one that does not exist. Withdrawn cases are readable too.',
  })
  @ApiOkResponse({ type: CaseDto, description: 'The case.', headers: { ETag: caseHeaders.ETag } })
  @ApiNotFoundResponse(notFound)
  async get(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseDto> {
    const dto = await this.cases.get(params.id, principal);
    void reply.header('etag', `"${dto.version}"`);
    return dto;
  }

  @Patch(':id')
  @RequirePermission(Permissions.caseUpdate)
  @AuditedResource('case', 'update')
  @ApiOperation({
    operationId: 'updateCase',
    summary: 'Change items of a case of your ICB',
    description:
      'Send only the items to change (`null` clears an optional one). The case as it would be after the change is validated as a whole; codes it already holds are not checked again. Each changed item is kept in the case\'s history.',
  })
  @ApiBody({ type: CaseChangeDto, examples: { setting: { summary: 'Change the setting', value: { setting: 'OWN_HOME' } } } })
  @ApiBadRequestResponse({ description: `${invalidCase} Also for a malformed \`If-Match\`.`, ...problemContent })
  @ChangeResponses()
  async update(
    @Param() params: CaseIdParam,
    @RawBody() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDto> {
    const dto = await this.cases.update(params.id, body, ifMatch, principal);
    void reply.header('etag', `"${dto.version}"`);
    return dto;
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @RequirePermission(Permissions.caseUpdate)
  @AuditedResource('case', 'update')
  @ApiOperation({
    operationId: 'withdrawCase',
    summary: 'Withdraw a case of your ICB, with a reason',
    description:
      'Cases are never deleted: a withdrawn case stays readable (with when, by whom and why) and can no longer be changed. Withdrawing a case already withdrawn changes nothing and answers it as it is.',
  })
  @ApiBody({ type: WithdrawalDto })
  @ApiBadRequestResponse({ description: 'No usable reason (`VALIDATION_FAILED`), or a malformed `If-Match`.', ...problemContent })
  @ChangeResponses()
  async withdraw(
    @Param() params: CaseIdParam,
    @RawBody() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDto> {
    const dto = await this.cases.withdraw(params.id, body, ifMatch, principal);
    void reply.header('etag', `"${dto.version}"`);
    return dto;
  }

  @Get(':id/history')
  @RequirePermission(Permissions.caseRead)
  @AuditedResource('case', 'read')
  @ApiOperation({
    operationId: 'listCaseHistory',
    summary: 'Every change of a case, field by field',
    description: 'Who changed which item when, with the value before and after, oldest first; a withdrawal is a change of `status`.',
  })
  @ApiOkResponse({ type: CaseHistoryDto, description: 'The case\'s changes.' })
  @ApiNotFoundResponse(notFound)
  history(@Param() params: CaseIdParam, @CurrentPrincipal() principal: Principal): Promise<CaseHistoryDto> {
    return this.cases.history(params.id, principal);
  }
}
