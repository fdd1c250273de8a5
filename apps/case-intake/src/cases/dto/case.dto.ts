import { type ApiPropertyOptions, ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { PersonalDataKinds } from '@scrt/personal-data';
import { CaseIdentifierDto, CaseInputDto } from './case-input.dto.js';

export class WithdrawalStateDto {
  @ApiProperty({ format: 'date-time', example: '2026-09-20T09:00:00.000Z' }) at: string;
  @ApiProperty({ example: 'f3a1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b', description: 'Subject of who withdrew it' }) by: string;
  @ApiProperty({ example: 'Recorded twice.' }) reason: string;
}

export class PersonalDataWarningDto {
  @ApiProperty({ example: 'briefInformation', description: 'The free-text field' }) field: string;
  @ApiProperty({ enum: PersonalDataKinds, example: 'nhs-number' }) kind: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, example: 12, description: 'First character (UTF-16 index)' }) start: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, example: 24, description: 'One past the last character' }) end: number;
}

export class CaseDto extends OmitType(CaseInputDto, ['identifiers', 'partnershipId', 'partnershipName', 'designatedProfessional', 'ageBand', 'locality', 'setting', 'comments', 'subIcbLocationCode'] as const) {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' }) id: string;
  @ApiProperty({ example: 'QWO', description: 'Submitting organisation (ODS code), from the token' }) organisationCode: string;
  @ApiProperty({ example: 'Y63', description: 'NHS England region, derived' }) regionCode: string;
  @ApiProperty({ type: [CaseIdentifierDto], example: [{ type: 'STEIS', value: '2026/12345' }] }) identifiers: CaseIdentifierDto[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' }) partnershipId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Northshire Safeguarding Children Partnership' }) partnershipName: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'DESIGNATED_NURSE_CHILDREN' }) designatedProfessional: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'AGE_5_10' }) ageBand: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Northtown' }) locality: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'OWN_HOME' }) setting: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Agencies involved: health visiting, school nursing.' }) comments: string | null;
  @ApiProperty({ nullable: true, type: String, example: '15N' }) subIcbLocationCode: string | null;
  @ApiProperty({ enum: ['open', 'withdrawn'], example: 'open' }) status: 'open' | 'withdrawn';
  @ApiPropertyOptional({ type: WithdrawalStateDto, nullable: true, example: null, description: 'When, by whom and why the case was withdrawn; null while open' }) withdrawal: WithdrawalStateDto | null;
  @ApiProperty({ type: [PersonalDataWarningDto], example: [], description: 'Where free text looked like personal data (when the service accepts it with a warning)' }) personalDataWarnings: PersonalDataWarningDto[];
  @ApiProperty({ format: 'date-time', example: '2026-09-15T10:24:00.000Z', description: 'When the system recorded the case' }) createdAt: string;
  @ApiProperty({ example: 'f3a1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b', description: 'Subject of who recorded it' }) createdBy: string;
  @ApiProperty({ format: 'date-time', example: '2026-09-15T10:24:00.000Z' }) updatedAt: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, example: 1, description: 'Optimistic concurrency version (also the ETag)' }) version: number;
}


/** A field's value in the history: text, a date, a code, a list of codes or identifiers, or null. */
const FIELD_VALUE_SCHEMA: ApiPropertyOptions = {
  oneOf: [{ type: 'string' }, { type: 'array', items: {} }, { type: 'null' }],
};

export class CaseFieldChangeDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 2, example: 2, description: 'The version the change made' }) version: number;
  @ApiProperty({ format: 'date-time', example: '2026-09-16T08:00:00.000Z' }) changedAt: string;
  @ApiProperty({ example: 'f3a1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b', description: 'Subject of who changed it' }) changedBy: string;
  @ApiProperty({ example: 'themes', description: 'The field (`status` for a withdrawal)' }) field: string;
  @ApiProperty({ ...FIELD_VALUE_SCHEMA, example: ['NEGLECT'], description: 'The value before (null when there was none)' }) oldValue: unknown;
  @ApiProperty({ ...FIELD_VALUE_SCHEMA, example: ['NEGLECT', 'EMOTIONAL'], description: 'The value after (null when cleared)' }) newValue: unknown;
}

export class CaseHistoryDto {
  @ApiProperty({ type: [CaseFieldChangeDto], description: 'Every field change, oldest first' }) items: CaseFieldChangeDto[];
}
