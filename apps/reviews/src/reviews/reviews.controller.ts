import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
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
import { ApiBodyProblemResponses, problemContent } from '@scrt/http';
import { ListReviewsQuery } from './dto/list-reviews.query.js';
import { ConvertReviewDto, CreateReviewDto, PauseReviewDto, RecordStageChangeDto, ResumeReviewDto, ReviewIdParam } from './dto/review-input.dto.js';
import { ReviewDto, ReviewListDto } from './dto/review.dto.js';
import { ReviewsService } from './reviews.service.js';

const reviewHeaders = {
  Location: { description: 'Path of the review.', schema: { type: 'string', format: 'uri-reference', example: '/api/v1/reviews/0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' } },
  ETag: { description: "The review's version, quoted: send it as If-Match to change the review.", schema: { type: 'string', example: '"1"' } },
} as const;

const ifMatch = { name: 'If-Match', required: true, description: "The review's ETag as read (its version, quoted). Without it: 428; stale: 412.", example: '"1"' } as const;
const idempotencyKey = { name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the first result.', example: 'b7f3c2a1-4d5e-4f60-8a9b-0c1d2e3f4a5b' } as const;
const notFound = { description: 'No such review in your scope.', ...problemContent };
const conflict = { description: 'The review\'s state does not allow it (e.g. `STAGE_TRANSITION_NOT_ALLOWED`, `REVIEW_CLOSED`, `REVIEW_PAUSED`); nothing was stored or emitted.', ...problemContent };
const unprocessable = { description: 'The values break a review rule (e.g. `DATE_IN_THE_FUTURE`, `DATE_BEFORE_PREVIOUS_STAGE`, `PUBLICATION_STATE_REQUIRED`); nothing was stored or emitted.', ...problemContent };
const stale = { description: 'The review changed since you read it (`PRECONDITION_FAILED`): read it again.', ...problemContent };
const required = { status: 428, description: 'If-Match is missing (`PRECONDITION_REQUIRED`).', ...problemContent };

/** A change to one review: If-Match, audited, the review after it (200) or a problem naming the rule. */
const ReviewChange = (operation: { operationId: string; summary: string; description: string }, answer: string) =>
  applyDecorators(
    HttpCode(200),
    RequirePermission(Permissions.reviewManage),
    AuditedResource('review', 'update'),
    ApiOperation(operation),
    ApiHeader(ifMatch),
    ApiOkResponse({ type: ReviewDto, description: answer, headers: { ETag: reviewHeaders.ETag } }),
    ApiNotFoundResponse(notFound),
    ApiConflictResponse(conflict),
    ApiPreconditionFailedResponse(stale),
    ApiResponse(required),
    ApiUnprocessableEntityResponse(unprocessable),
    ApiBodyProblemResponses(),
  );

@ApiTags('reviews')
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post()
  @HttpCode(201)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('review', 'create')
  @ApiOperation({
    operationId: 'createReview',
    summary: "Open the review of a case of your ICB (its type is the case's)",
    description: 'The review starts NOTIFIED on `notifiedOn`. Refused for a case reviews does not know (from case events) or you may not see, a withdrawn case, or a case that has its review.',
  })
  @ApiHeader(idempotencyKey)
  @ApiCreatedResponse({ type: ReviewDto, description: 'The review was opened.', headers: reviewHeaders })
  @ApiOkResponse({ type: ReviewDto, description: 'A retry with the same `Idempotency-Key` and body: the review opened the first time.', headers: reviewHeaders })
  @ApiConflictResponse({ description: 'The case has its review (`REVIEW_EXISTS`), was withdrawn (`CASE_WITHDRAWN`), or the Idempotency-Key was reused.', ...problemContent })
  @ApiUnprocessableEntityResponse({ description: 'Unknown case (`CASE_NOT_FOUND`), or a date out of order.', ...problemContent })
  @ApiBodyProblemResponses()
  async create(
    @Body() body: CreateReviewDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    const { dto, created } = await this.reviews.create(body, principal, key);
    return this.answer(reply.status(created ? 201 : 200), dto);
  }

  @Get()
  @RequirePermission(Permissions.reviewRead)
  @AuditedResource('review', 'list')
  @ApiOperation({
    operationId: 'listReviews',
    summary: 'The reviews in your scope (ICB, region or national), with their targets and RAG',
    description: 'Newest first, a page at a time (`cursor`). `pastTarget=true` keeps the reviews whose running target is breached: what a regional user checks across the region.',
  })
  @ApiOkResponse({ type: ReviewListDto, description: 'A page of reviews.' })
  list(@Query() query: ListReviewsQuery, @CurrentPrincipal() principal: Principal): Promise<ReviewListDto> {
    return this.reviews.list({ caseId: query.caseId, status: query.status, pastTarget: query.pastTarget, limit: query.limit ?? 50, cursor: query.cursor }, principal);
  }

  @Get(':id')
  @RequirePermission(Permissions.reviewRead)
  @AuditedResource('review', 'read')
  @ApiOperation({
    operationId: 'getReview',
    summary: 'One review: stages with dates, pauses, targets with RAG and slippage',
    description: 'A review outside your scope answers 404, exactly as one that does not exist.',
  })
  @ApiOkResponse({ type: ReviewDto, description: 'The review.', headers: { ETag: reviewHeaders.ETag } })
  @ApiNotFoundResponse(notFound)
  async get(@Param() params: ReviewIdParam, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReviewDto> {
    return this.answer(reply, await this.reviews.get(params.id, principal));
  }

  @Post(':id/stage-changes')
  @ReviewChange(
    {
      operationId: 'recordReviewStageChange',
      summary: 'Move a review to its next stage, with the date it happened',
      description: 'Only the moves of the stage machine; the date not in the future nor before the current stage began. SIGNED_OFF records the sign-off date; PUBLISHED needs a `publicationState` (a published report takes `occurredOn` as its publication date).',
    },
    'The review after the move.',
  )
  async recordStageChange(
    @Param() params: ReviewIdParam,
    @Body() body: RecordStageChangeDto,
    @Headers('if-match') match: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    return this.answer(reply, await this.reviews.recordStageChange(params.id, match, body, principal));
  }

  @Post(':id/pause')
  @ReviewChange(
    { operationId: 'pauseReview', summary: "Pause an open review's clock, with a reason from the `pause-reasons` list", description: 'Paused time does not count against the target: the target date moves on while the review is paused.' },
    'The review, paused.',
  )
  async pause(
    @Param() params: ReviewIdParam,
    @Body() body: PauseReviewDto,
    @Headers('if-match') match: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    return this.answer(reply, await this.reviews.pause(params.id, match, body, principal));
  }

  @Post(':id/resumption')
  @ReviewChange(
    { operationId: 'resumeReview', summary: "Resume a paused review's clock", description: 'The clock runs again from `resumedOn`; the target date has moved on by the working days (or calendar days, for targets in months) paused.' },
    'The review, running again.',
  )
  async resume(
    @Param() params: ReviewIdParam,
    @Body() body: ResumeReviewDto,
    @Headers('if-match') match: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    return this.answer(reply, await this.reviews.resume(params.id, match, body, principal));
  }

  @Post(':id/conversion')
  @HttpCode(201)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('review', 'create')
  @ApiOperation({
    operationId: 'convertReview',
    summary: 'Convert a rapid review at its decision to a CSPR, SAR, DHR...: a new linked review',
    description: 'The new review (same case and organisation) starts at DECISION on `decidedOn`; both link to each other; the rapid review closes on that date and keeps its own dates. If-Match is the rapid review\'s ETag.',
  })
  @ApiHeader(ifMatch)
  @ApiHeader(idempotencyKey)
  @ApiCreatedResponse({ type: ReviewDto, description: 'The new review.', headers: reviewHeaders })
  @ApiOkResponse({ type: ReviewDto, description: 'A retry with the same `Idempotency-Key`: the review made the first time.', headers: reviewHeaders })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ description: 'Not a rapid review at its decision (`NOT_A_RAPID_REVIEW`, `CONVERSION_BEFORE_DECISION`, `ALREADY_CONVERTED`, `REVIEW_CLOSED`); nothing was stored or emitted.', ...problemContent })
  @ApiPreconditionFailedResponse(stale)
  @ApiResponse(required)
  @ApiUnprocessableEntityResponse(unprocessable)
  @ApiBodyProblemResponses()
  async convert(
    @Param() params: ReviewIdParam,
    @Body() body: ConvertReviewDto,
    @Headers('if-match') match: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReviewDto> {
    const { dto, created } = await this.reviews.convert(params.id, match, body, principal, key);
    return this.answer(reply.status(created ? 201 : 200), dto);
  }

  private answer(reply: FastifyReply, dto: ReviewDto): ReviewDto {
    void reply.header('location', `/api/v1/reviews/${dto.id}`).header('etag', `"${dto.version}"`);
    return dto;
  }
}
