import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

export class FieldProblemDto {
  @ApiProperty({ example: 'themes.1', description: 'Dotted path of the field, or a header\'s name' }) field: string;
  @ApiProperty({ example: '/themes/1', description: 'The same place as a JSON pointer (RFC 6901)' }) pointer: string;
  @ApiProperty({ example: 'NOT_IN_THE_FUTURE' }) code: string;
  @ApiProperty({ example: 'incidentDate must not be in the future' }) message: string;
}

/** The OpenAPI shape of every error body (RFC 9457). */
export class ProblemDto {
  @ApiProperty({ example: 'https://scrt.nhs.uk/problems/validation-failed', format: 'uri' }) type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400, type: 'integer', format: 'int32', minimum: 100, maximum: 599 }) status: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable code to switch on' }) code: string;
  @ApiPropertyOptional({ example: 'incidentDate must not be in the future' }) detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/cases' }) instance?: string;
  @ApiPropertyOptional({ example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d', description: 'The id your request came with (yours when you sent a usable `X-Correlation-ID`)' }) correlationId?: string;
  @ApiPropertyOptional({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9e', description: 'The id the server gave your request (also in `X-Request-ID`): quote it when reporting a problem' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'At most 100 entries' }) errors?: FieldProblemDto[];
  @ApiPropertyOptional({ type: 'integer', format: 'int32', description: 'Present only when `errors` was cut short: how many problems there were in all', example: 60006 }) errorsTotal?: number;
}

/** A response documented as problem+json, for `@ApiXxxResponse({ description, ...problemContent })`. */
export const problemContent = { content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } };
