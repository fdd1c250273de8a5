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
  @ApiPropertyOptional({ description: 'Quote it when reporting a problem' }) correlationId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'At most 100 entries' }) errors?: FieldProblemDto[];
  @ApiPropertyOptional({ description: 'Present only when `errors` was cut short: how many problems there were in all', example: 60006 }) errorsTotal?: number;
}

/** A response documented as problem+json, for `@ApiXxxResponse({ description, ...problemContent })`. */
export const problemContent = { content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } };
