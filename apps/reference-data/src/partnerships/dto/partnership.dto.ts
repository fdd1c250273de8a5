import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../../calendar/dto/calendar-date.js';

export const PartnershipKinds = ['LSCP', 'SAB', 'CSP'] as const;
export type PartnershipKind = (typeof PartnershipKinds)[number];
const KIND_DESCRIPTION = 'LSCP: Local Safeguarding Children Partnership; SAB: Safeguarding Adults Board; CSP: Community Safety Partnership';
const ODS_CODE = /^[A-Z0-9]{3,5}$/;

export class PartnershipDto {
  @ApiProperty({ format: 'uuid', example: '0193a5d2-7c1e-7b3a-9f00-1a2b3c4d5e6f' }) id: string;
  @ApiProperty({ example: 'Leeds Safeguarding Adults Board' }) name: string;
  @ApiProperty({ enum: PartnershipKinds, example: 'SAB', description: KIND_DESCRIPTION }) kind: PartnershipKind;
  @ApiProperty({ type: [String], example: ['Leeds'] }) localAuthorities: string[];
  @ApiProperty({ type: [String], example: ['QWO'], description: 'ODS codes of the ICBs it works with' }) icbOdsCodes: string[];
  @ApiProperty({ example: '2019-04-01', format: 'date' }) effectiveFrom: string;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null }) effectiveTo: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', example: 1, description: 'Increases with every change' }) version: number;
}

export class PartnershipListDto {
  @ApiProperty({ type: [PartnershipDto] }) items: PartnershipDto[];
}

export class PartnershipListQuery {
  @ApiPropertyOptional({ enum: PartnershipKinds, example: 'SAB', description: KIND_DESCRIPTION })
  @IsOptional()
  @IsIn(PartnershipKinds)
  kind?: PartnershipKind;

  @ApiPropertyOptional({ example: 'QWO', description: 'Only partnerships working with this ICB' })
  @IsOptional()
  @Matches(ODS_CODE, { message: 'icb must be an ODS code (3 to 5 capital letters and digits)' })
  icb?: string;

  @ApiPropertyOptional({ example: '2026-12-01', format: 'date', description: 'Only those in existence on this date' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;
}

export class PartnershipIdParam {
  @ApiProperty({ format: 'uuid', example: '0193a5d2-7c1e-7b3a-9f00-1a2b3c4d5e6f' })
  @IsUUID()
  id: string;
}

export class UpdatePartnershipDto {
  @ApiPropertyOptional({ example: 'Leeds Safeguarding Adults Board' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: [String], example: ['Leeds'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  localAuthorities?: string[];

  @ApiPropertyOptional({ type: [String], example: ['QWO'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(ODS_CODE, { each: true, message: 'each of icbOdsCodes must be an ODS code (3 to 5 capital letters and digits)' })
  icbOdsCodes?: string[];
}

export class CreatePartnershipDto {
  @ApiProperty({ example: 'Leeds Safeguarding Adults Board' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: PartnershipKinds, example: 'SAB', description: KIND_DESCRIPTION })
  @IsIn(PartnershipKinds, { message: `kind must be one of ${PartnershipKinds.join(', ')}` })
  kind: PartnershipKind;

  @ApiProperty({ type: [String], example: ['Leeds'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  localAuthorities: string[];

  @ApiProperty({ type: [String], example: ['QWO'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(ODS_CODE, { each: true, message: 'each of icbOdsCodes must be an ODS code (3 to 5 capital letters and digits)' })
  icbOdsCodes: string[];

  @ApiProperty({ example: '2019-04-01', format: 'date' })
  @IsCalendarDate()
  effectiveFrom: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-03-31', description: 'Last day of the partnership; omitted: open-ended' })
  @IsOptional()
  @IsCalendarDate()
  effectiveTo?: string;
}

export class EndPartnershipDto {
  @ApiProperty({ example: '2027-03-31', format: 'date', description: 'Last day of the partnership' })
  @IsCalendarDate()
  effectiveTo: string;
}

export class ImportPartnershipsDto {
  @ApiProperty({
    description: 'CSV with header `name,kind,local_authorities,icb_ods_codes,effective_from,effective_to`; several authorities or ICBs separated by `;`',
    example: 'name,kind,local_authorities,icb_ods_codes,effective_from,effective_to\nLeeds Safeguarding Adults Board,SAB,Leeds,QWO,2019-04-01,\n',
  })
  @IsString()
  @Length(1, 1_000_000)
  csv: string;
}

export class ImportQuery {
  @ApiPropertyOptional({ example: true, description: 'Check every row and report, change nothing' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class CsvRowProblemDto {
  @ApiProperty({ type: 'integer', format: 'int32', example: 3, description: 'Line of the CSV text (the header is line 1)' }) line: number;
  @ApiProperty({ example: 'effective_from' }) column: string;
  @ApiProperty({ example: 'line 3, effective_from' }) field: string;
  @ApiProperty({ example: '/csv', description: 'JSON pointer to the request member holding the CSV' }) pointer: string;
  @ApiProperty({ example: 'IS_ISO8601' }) code: string;
  @ApiProperty({ example: 'effectiveFrom must be a real calendar date' }) message: string;
}

export class ImportReportDto {
  @ApiProperty({ example: true }) dryRun: boolean;
  @ApiProperty({ type: 'integer', format: 'int32', example: 2, description: 'Data rows read' }) rows: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 0, description: 'Partnerships created (0 on a dry run or when a row is wrong)' }) created: number;
  @ApiProperty({ type: [CsvRowProblemDto] }) errors: CsvRowProblemDto[];
}

