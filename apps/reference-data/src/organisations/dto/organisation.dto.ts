import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const OrganisationTypes = ['national', 'region', 'icb', 'sub_icb'] as const;
export type OrganisationType = (typeof OrganisationTypes)[number];

export class OrganisationDto {
  @ApiProperty({ example: 'QWO', description: 'ODS code' }) odsCode: string;
  @ApiProperty({ example: 'NHS West Yorkshire ICB' }) name: string;
  @ApiProperty({ enum: OrganisationTypes }) type: OrganisationType;
  @ApiPropertyOptional({ example: 'Y63', description: 'ODS code of the parent (region of an ICB)', nullable: true }) parentOdsCode: string | null;
  @ApiProperty({ example: '2022-07-01', format: 'date' }) effectiveFrom: string;
  @ApiPropertyOptional({ format: 'date', nullable: true }) effectiveTo: string | null;
}

export class OrganisationListDto {
  @ApiProperty({ type: [OrganisationDto] }) items: OrganisationDto[];
}
