import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CODE_PATTERN, ODS_CODE_PATTERN } from '@scrt/contracts';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const codeOf = (list: string) => ({ message: `$property must be a code of the ${list} list (capital letters, digits, underscores)` });

/** A calendar date `YYYY-MM-DD`. */
export function IsCalendarDate(): PropertyDecorator {
  return (target, property) => {
    IsString()(target, property);
    Matches(DATE_PATTERN, { message: '$property must be a date as YYYY-MM-DD' })(target, property);
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })(target, property);
  };
}

export class CaseIdentifierDto {
  @ApiProperty({ example: 'STEIS', pattern: CODE_PATTERN.source, description: 'A code of the `identifier-types` list' })
  @IsString()
  @Matches(CODE_PATTERN, codeOf('identifier-types'))
  type: string;

  @ApiProperty({ example: '2026/12345', minLength: 1, maxLength: 100, description: 'The identifier; a StEIS number is `YYYY/NNNNN` (year, slash, number in the year)' })
  @IsString()
  @Length(1, 100)
  value: string;
}

/** A case as a user records it (SCRT.md §4): the organisation comes from the caller's token, never from the body. */
export class CaseInputDto {
  @ApiProperty({ example: 'RAPID_REVIEW', pattern: CODE_PATTERN.source, description: 'Initial type of review: a code of the `review-types` list in force, not deprecated' })
  @IsString()
  @Matches(CODE_PATTERN, codeOf('review-types'))
  reviewType: string;

  @ApiProperty({ example: '2026-09-14', format: 'date', description: 'Date of the incident; not in the future, not after `dateAdded`' })
  @IsCalendarDate()
  incidentDate: string;

  @ApiProperty({ example: '2026-09-16', format: 'date', description: 'Date added as the case review group records it (referral or decision); not in the future' })
  @IsCalendarDate()
  dateAdded: string;

  @ApiProperty({ example: 'CHILD', pattern: CODE_PATTERN.source, description: 'A code of the `subject-groups` list' })
  @IsString()
  @Matches(CODE_PATTERN, codeOf('subject-groups'))
  subjectGroup: string;

  @ApiProperty({ example: ['NEGLECT', 'EMOTIONAL'], type: [String], minItems: 1, maxItems: 3, description: 'Abuse and vulnerability themes 1 to 3 (`abuse-themes` codes), theme 1 first, no repeats' })
  @IsArray()
  @ArrayMinSize(1, { message: 'themes must hold theme 1' })
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @Matches(CODE_PATTERN, { each: true, ...codeOf('abuse-themes') })
  themes: string[];

  @ApiProperty({ example: 'Rapid review notified by the local authority after a serious incident.', minLength: 1, maxLength: 2000, description: 'Brief case information: minimised, no personal data' })
  @IsString()
  @Length(1, 2000)
  briefInformation: string;

  @ApiPropertyOptional({ type: [CaseIdentifierDto], maxItems: 10, example: [{ type: 'STEIS', value: '2026/12345' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CaseIdentifierDto)
  identifiers?: CaseIdentifierDto[];

  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true, example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d', description: 'A safeguarding partnership of reference data' })
  @IsOptional()
  @IsUUID()
  partnershipId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'Northshire Safeguarding Children Partnership', description: 'Free-text fallback when the partnership is not in reference data' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  partnershipName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: CODE_PATTERN.source, example: 'DESIGNATED_NURSE_CHILDREN', description: 'A code of the `designated-professional-roles` list' })
  @IsOptional()
  @IsString()
  @Matches(CODE_PATTERN, codeOf('designated-professional-roles'))
  designatedProfessional?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: CODE_PATTERN.source, example: 'AGE_5_10', description: 'A code of the `age-bands` list, in the subject group' })
  @IsOptional()
  @IsString()
  @Matches(CODE_PATTERN, codeOf('age-bands'))
  ageBand?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'Northtown', description: 'Where it happened (place), no address' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  locality?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: CODE_PATTERN.source, example: 'OWN_HOME', description: 'A code of the `settings` list' })
  @IsOptional()
  @IsString()
  @Matches(CODE_PATTERN, codeOf('settings'))
  setting?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, example: 'Agencies involved: health visiting, school nursing.', description: 'Comments (also where an unlisted review type is explained); no personal data' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comments?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: ODS_CODE_PATTERN.source, example: '15N', description: 'A sub-ICB location of your ICB as at the incident date (ODS code)' })
  @IsOptional()
  @IsString()
  @Matches(ODS_CODE_PATTERN, { message: 'subIcbLocationCode must be an ODS code (3 to 5 capital letters and digits)' })
  subIcbLocationCode?: string | null;
}
