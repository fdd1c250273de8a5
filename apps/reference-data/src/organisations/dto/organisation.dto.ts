import { ApiProperty } from '@nestjs/swagger';
import { OrganisationTypes, type OrganisationType } from '@scrt/reference-copy';

export { OrganisationTypes, type OrganisationType };

export class OrganisationDto {
  @ApiProperty({ example: 'QWO', description: 'ODS code' }) odsCode: string;
  @ApiProperty({ example: 'NHS West Yorkshire ICB' }) name: string;
  @ApiProperty({ enum: OrganisationTypes, example: 'icb' }) type: OrganisationType;
  // `string | null` reflects as Object: the type is stated, or the schema says "object".
  @ApiProperty({ type: String, nullable: true, example: 'Y63', description: 'ODS code of the parent on the date asked for (today by default; the last parent of a closed organisation); null for NHS England' })
  parentOdsCode: string | null;
  @ApiProperty({ example: '2022-07-01', format: 'date' }) effectiveFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2025-03-31', description: 'Last day the organisation existed; null while it does' })
  effectiveTo: string | null;
}

export class OrganisationListDto {
  @ApiProperty({ type: [OrganisationDto] }) items: OrganisationDto[];
}
