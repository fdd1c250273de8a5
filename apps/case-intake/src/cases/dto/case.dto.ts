import { ApiProperty } from '@nestjs/swagger';

export class CaseDto {
  @ApiProperty({ format: 'uuid', example: '0192f5c4-7d1e-7a3b-9c2d-4e5f6a7b8c9d' }) id: string;
  @ApiProperty({ example: 'QWO', description: 'Submitting organisation (ODS code), from the token' }) organisationCode: string;
  @ApiProperty({ example: 'Y63', description: 'NHS England region, derived' }) regionCode: string;
  @ApiProperty({ format: 'date', example: '2026-09-14' }) incidentDate: string;
  @ApiProperty({ example: 'RAPID_REVIEW', description: 'A code of the `review-types` code list' }) reviewType: string;
  @ApiProperty({ format: 'date-time', example: '2026-09-15T10:24:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-09-15T10:24:00.000Z' }) updatedAt: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, example: 1, description: 'Optimistic concurrency version (also the ETag)' }) version: number;
}
