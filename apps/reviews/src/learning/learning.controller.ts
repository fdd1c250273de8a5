import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPreconditionFailedResponse, ApiResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditedResource, CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { ApiBodyProblemResponses, problemContent } from '@scrt/http';
import { ReviewIdParam } from '../reviews/dto/review-input.dto.js';
import { ReviewsService } from '../reviews/reviews.service.js';
import {
  ActionIdParam,
  RecommendationIdParam,
  RecommendationStatusChangeDto,
  RecordActionDto,
  RecordDisseminationDto,
  RecordLearningEmbeddedDto,
  RecordLearningItemDto,
  RecordReAuditDto,
  RecordRecommendationDto,
  SimilarRecommendationsQuery,
  UpdateActionDto,
} from './dto/learning-input.dto.js';
import { ActionDto, DisseminationDto, LearningItemDto, MyWorkDto, RecommendationDto, RecommendationListDto, ReviewLearningDto, SimilarRecommendationsDto } from './dto/learning.dto.js';
import { LearningService } from './learning.service.js';

const ifMatch = { name: 'If-Match', required: true, description: 'The ETag as read (its version, quoted). Without it: 428; stale: 412.', example: '"1"' } as const;
const etag = { ETag: { description: 'The version, quoted: send it as If-Match to change it.', schema: { type: 'string', example: '"1"' } } } as const;
const reviewNotFound = { description: 'No such review in your scope.', ...problemContent };
const closed = { description: 'The review is closed (`REVIEW_CLOSED`); nothing was stored or emitted.', ...problemContent };
const unprocessable = { description: 'The values break a rule (the problem names it); nothing was stored or emitted.', ...problemContent };
const stale = { description: 'Changed since you read it (`PRECONDITION_FAILED`).', ...problemContent };
const required = { status: 428, description: 'If-Match is missing (`PRECONDITION_REQUIRED`).', ...problemContent };

@ApiTags('reviews: learning')
@Controller('reviews')
export class LearningController {
  constructor(
    private readonly learning: LearningService,
    private readonly reviews: ReviewsService,
  ) {}

  @Get('my-work')
  @RequirePermission(Permissions.reviewRead)
  @AuditedResource('review', 'list')
  @ApiOperation({
    operationId: 'listMyWork',
    summary: '"My work": reviews due soon or past their target, actions overdue, re-audits due, in your scope',
    description: "For an ICB user their ICB's, for a regional user the region's, for a national user all; the most urgent first.",
  })
  @ApiOkResponse({ type: MyWorkDto, description: 'What needs attention.' })
  async myWork(@CurrentPrincipal() principal: Principal): Promise<MyWorkDto> {
    const [reviews, outstanding] = await Promise.all([this.reviews.myWork(principal), this.learning.outstanding(principal)]);
    return { reviews, ...outstanding };
  }

  @Get('recommendations/similar')
  @RequirePermission(Permissions.reviewRead)
  @AuditedResource('recommendation', 'list')
  @ApiOperation({
    operationId: 'searchSimilarRecommendations',
    summary: 'Repeated recommendations: those already made in your scope that read like this text',
    description: 'Trigram similarity of the text (PostgreSQL pg_trgm), a same theme ranked higher; with how many reviews and organisations made them and how many were implemented.',
  })
  @ApiOkResponse({ type: SimilarRecommendationsDto, description: 'The closest recommendations first.' })
  similar(@Query() query: SimilarRecommendationsQuery, @CurrentPrincipal() principal: Principal): Promise<SimilarRecommendationsDto> {
    return this.learning.searchSimilar(query, principal);
  }

  @Post('actions')
  @HttpCode(201)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('action', 'create')
  @ApiOperation({ operationId: 'recordAction', summary: "Record an action under one of your ICB's recommendations", description: 'Owner, due date; it starts NOT_STARTED. Under another organisation\'s recommendation it is refused (422 `RECOMMENDATION_NOT_FOUND`), storing and emitting nothing.' })
  @ApiCreatedResponse({ type: ActionDto, description: 'The action was recorded.', headers: etag })
  @ApiUnprocessableEntityResponse(unprocessable)
  @ApiBodyProblemResponses()
  async recordAction(@Body() body: RecordActionDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<ActionDto> {
    const action = await this.learning.recordAction(body, principal);
    void reply.header('etag', `"${action.version}"`);
    return action;
  }

  @Post('actions/:id/updates')
  @HttpCode(200)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('action', 'update')
  @ApiOperation({ operationId: 'updateAction', summary: "Update an action's status, with evidence of completion", description: 'COMPLETED needs `evidenceText` (and optionally `evidenceLink`) and `completedOn`; OVERDUE is derived from the due date and never set.' })
  @ApiHeader(ifMatch)
  @ApiOkResponse({ type: ActionDto, description: 'The action after the update.', headers: etag })
  @ApiNotFoundResponse({ description: 'No such action in your scope.', ...problemContent })
  @ApiPreconditionFailedResponse(stale)
  @ApiResponse(required)
  @ApiUnprocessableEntityResponse(unprocessable)
  @ApiBodyProblemResponses()
  async updateAction(@Param() params: ActionIdParam, @Body() body: UpdateActionDto, @Headers('if-match') match: string | undefined, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<ActionDto> {
    const action = await this.learning.updateAction(params.id, match, body, principal);
    void reply.header('etag', `"${action.version}"`);
    return action;
  }

  @Post('recommendations/:id/status-changes')
  @HttpCode(200)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('recommendation', 'update')
  @ApiOperation({ operationId: 'updateRecommendationStatus', summary: "Change a recommendation's status", description: 'Accepted, in progress, implemented, not implemented (with its reason), superseded (with its reason).' })
  @ApiHeader(ifMatch)
  @ApiOkResponse({ type: RecommendationDto, description: 'The recommendation after the change.', headers: etag })
  @ApiNotFoundResponse({ description: 'No such recommendation in your scope.', ...problemContent })
  @ApiPreconditionFailedResponse(stale)
  @ApiResponse(required)
  @ApiUnprocessableEntityResponse(unprocessable)
  @ApiBodyProblemResponses()
  changeStatus(@Param() params: RecommendationIdParam, @Body() body: RecommendationStatusChangeDto, @Headers('if-match') match: string | undefined, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<RecommendationDto> {
    return this.withEtag(reply, this.learning.changeStatus(params.id, match, body, principal));
  }

  @Post('recommendations/:id/learning-embedded')
  @HttpCode(200)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('recommendation', 'update')
  @ApiOperation({ operationId: 'recordLearningEmbedded', summary: 'Record that the learning of a recommendation is embedded, with its re-audit date', description: 'Only once the recommendation has actions and every one is completed or no longer required (409 `ACTIONS_NOT_COMPLETE`).' })
  @ApiHeader(ifMatch)
  @ApiOkResponse({ type: RecommendationDto, description: 'The recommendation, learning embedded.', headers: etag })
  @ApiNotFoundResponse({ description: 'No such recommendation in your scope.', ...problemContent })
  @ApiConflictResponse({ description: 'Its actions are not all complete (`ACTIONS_NOT_COMPLETE`).', ...problemContent })
  @ApiPreconditionFailedResponse(stale)
  @ApiResponse(required)
  @ApiUnprocessableEntityResponse(unprocessable)
  @ApiBodyProblemResponses()
  learningEmbedded(@Param() params: RecommendationIdParam, @Body() body: RecordLearningEmbeddedDto, @Headers('if-match') match: string | undefined, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<RecommendationDto> {
    return this.withEtag(reply, this.learning.recordLearningEmbedded(params.id, match, body, principal));
  }

  @Post('recommendations/:id/re-audit')
  @HttpCode(200)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('recommendation', 'update')
  @ApiOperation({ operationId: 'recordReAudit', summary: 'Record the outcome of the re-audit of embedded learning', description: 'After learning embedded (409 `LEARNING_NOT_EMBEDDED` before).' })
  @ApiHeader(ifMatch)
  @ApiOkResponse({ type: RecommendationDto, description: 'The recommendation with its re-audit outcome.', headers: etag })
  @ApiNotFoundResponse({ description: 'No such recommendation in your scope.', ...problemContent })
  @ApiConflictResponse({ description: 'The learning is not embedded yet (`LEARNING_NOT_EMBEDDED`).', ...problemContent })
  @ApiPreconditionFailedResponse(stale)
  @ApiResponse(required)
  @ApiUnprocessableEntityResponse(unprocessable)
  @ApiBodyProblemResponses()
  reAudit(@Param() params: RecommendationIdParam, @Body() body: RecordReAuditDto, @Headers('if-match') match: string | undefined, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<RecommendationDto> {
    return this.withEtag(reply, this.learning.recordReAudit(params.id, match, body, principal));
  }

  @Post(':id/recommendations')
  @HttpCode(201)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('review', 'update')
  @ApiOperation({ operationId: 'recordRecommendation', summary: 'Record a recommendation of a review; the answer shows the similar ones already made in your scope', description: 'Text, theme (code list), the agency it is for, lead, due date; it starts ACCEPTED. `similar` lists repeated recommendations.' })
  @ApiCreatedResponse({ type: RecommendationDto, description: 'The recommendation, with `similar`.', headers: etag })
  @ApiNotFoundResponse(reviewNotFound)
  @ApiConflictResponse(closed)
  @ApiBodyProblemResponses()
  recordRecommendation(@Param() params: ReviewIdParam, @Body() body: RecordRecommendationDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<RecommendationDto> {
    return this.withEtag(reply, this.learning.recordRecommendation(params.id, body, principal));
  }

  @Get(':id/recommendations')
  @RequirePermission(Permissions.reviewRead)
  @AuditedResource('review', 'read')
  @ApiOperation({ operationId: 'listRecommendations', summary: 'The recommendations of a review, each with its actions', description: 'Actions carry `overdue`, derived from their due date.' })
  @ApiOkResponse({ type: RecommendationListDto, description: 'The recommendations, oldest first.' })
  @ApiNotFoundResponse(reviewNotFound)
  listRecommendations(@Param() params: ReviewIdParam, @CurrentPrincipal() principal: Principal): Promise<RecommendationListDto> {
    return this.learning.listRecommendations(params.id, principal);
  }

  @Post(':id/learning')
  @HttpCode(201)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('review', 'update')
  @ApiOperation({ operationId: 'recordLearning', summary: 'Record a contributory factor (code), a lesson learnt or good practice of a review', description: 'A contributory factor is a code of the `contributory-factors` list; a lesson or good practice is text.' })
  @ApiCreatedResponse({ type: LearningItemDto, description: 'Recorded.' })
  @ApiNotFoundResponse(reviewNotFound)
  @ApiConflictResponse(closed)
  @ApiUnprocessableEntityResponse(unprocessable)
  @ApiBodyProblemResponses()
  recordLearning(@Param() params: ReviewIdParam, @Body() body: RecordLearningItemDto, @CurrentPrincipal() principal: Principal): Promise<LearningItemDto> {
    return this.learning.recordLearningItem(params.id, body, principal);
  }

  @Post(':id/disseminations')
  @HttpCode(201)
  @RequirePermission(Permissions.reviewManage)
  @AuditedResource('review', 'update')
  @ApiOperation({ operationId: 'recordDissemination', summary: 'Record how the learning of a review was disseminated', description: 'Method (code list), audience, date, number reached.' })
  @ApiCreatedResponse({ type: DisseminationDto, description: 'Recorded.' })
  @ApiNotFoundResponse(reviewNotFound)
  @ApiUnprocessableEntityResponse(unprocessable)
  @ApiBodyProblemResponses()
  recordDissemination(@Param() params: ReviewIdParam, @Body() body: RecordDisseminationDto, @CurrentPrincipal() principal: Principal): Promise<DisseminationDto> {
    return this.learning.recordDissemination(params.id, body, principal);
  }

  @Get(':id/learning')
  @RequirePermission(Permissions.reviewRead)
  @AuditedResource('review', 'read')
  @ApiOperation({ operationId: 'getReviewLearning', summary: 'The contributory factors, lessons, good practice and disseminations of a review', description: 'Everything learnt from the review but its recommendations (see listRecommendations).' })
  @ApiOkResponse({ type: ReviewLearningDto, description: 'The learning of the review.' })
  @ApiNotFoundResponse(reviewNotFound)
  reviewLearning(@Param() params: ReviewIdParam, @CurrentPrincipal() principal: Principal): Promise<ReviewLearningDto> {
    return this.learning.reviewLearning(params.id, principal);
  }

  private async withEtag(reply: FastifyReply, answer: Promise<RecommendationDto>): Promise<RecommendationDto> {
    const recommendation = await answer;
    void reply.header('etag', `"${recommendation.version}"`);
    return recommendation;
  }
}
