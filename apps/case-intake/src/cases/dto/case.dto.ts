import { ApiProperty } from '@nestjs/swagger';
import { ReviewTypeCodes, type ReviewTypeCode } from '@scrt/contracts';

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'QWO', description: 'Submitting organisation (ODS code), from the token' }) organisationCode: string;
  @ApiProperty({ example: 'Y63', description: 'NHS England region, derived' }) regionCode: string;
  @ApiProperty({ format: 'date' }) incidentDate: string;
  @ApiProperty({ enum: ReviewTypeCodes }) reviewType: ReviewTypeCode;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Optimistic concurrency version (also the ETag)' }) version: number;
}

