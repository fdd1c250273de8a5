import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

export class FieldProblemDto {
  @ApiProperty({ example: 'incidentDate' }) field: string;
  @ApiProperty({ example: 'NOT_IN_THE_FUTURE' }) code: string;
  @ApiProperty({ example: 'incidentDate must not be in the future' }) message: string;
}

/** The OpenAPI shape of every error body (RFC 9457). */
export class ProblemDto {
  @ApiProperty({ example: 'https://scrt.nhs.uk/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable code to switch on' }) code: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/cases' }) instance?: string;
  @ApiPropertyOptional({ description: 'The id your request came with (yours when you sent a usable `X-Correlation-ID`)' }) correlationId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The id the server gave your request (also in `X-Request-ID`): quote it when reporting a problem' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) errors?: FieldProblemDto[];
}

/** A response documented as problem+json, for `@ApiXxxResponse({ description, ...problemContent })`. */
export const problemContent = { content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } };
