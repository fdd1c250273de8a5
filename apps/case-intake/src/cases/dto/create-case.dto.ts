import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches } from 'class-validator';
import { CODE_PATTERN } from '@scrt/contracts';
import { NotInTheFuture } from './not-in-the-future.validator.js';

/** A minimal case: the organisation comes from the caller's token, never from the body. */
export class CreateCaseDto {
  @ApiProperty({ example: '2026-09-14', format: 'date', description: 'Date of the incident; not in the future.' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'incidentDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'incidentDate must be a real calendar date' })
  @NotInTheFuture()
  incidentDate: string;

  @ApiProperty({ example: 'RAPID_REVIEW', pattern: CODE_PATTERN.source, description: 'A code of the `review-types` code list in force today, not deprecated.' })
  @IsString()
  @Matches(CODE_PATTERN, { message: 'reviewType must be a code of the review-types list (upper case letters, digits, underscores)' })
  reviewType: string;
}
