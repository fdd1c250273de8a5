import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../../calendar/dto/calendar-date.js';
import { CsvRowProblemDto } from '../../partnerships/dto/partnership.dto.js';
import { OrganisationDto } from './organisation.dto.js';

export class AsAtQuery {
  @ApiPropertyOptional({ example: '2026-12-01', format: 'date', description: 'The date the answer is for (default: today in England)' })
  @IsOptional()
  @IsCalendarDate()
  asAt?: string;
}

export class HierarchyDto {
  @ApiProperty({ example: '2026-12-01', format: 'date' }) asAt: string;
  @ApiProperty({ type: [OrganisationDto], description: 'Every organisation in force on the date, with its parent then' }) items: OrganisationDto[];
}

export class RelativesDto {
  @ApiProperty({ example: 'QWO' }) odsCode: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) asAt: string;
  @ApiProperty({ type: [OrganisationDto], description: 'Nearest first (ancestors) or breadth first (descendants)' }) items: OrganisationDto[];
}

export class SuccessorDto {
  @ApiProperty({ example: 'QMJ' }) odsCode: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) asAt: string;
  @ApiProperty({ example: true, description: 'The organisation itself is in force on the date' }) inForce: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'QMJ', description: 'The organisation in force on the date that carries this one on (itself while in force); null when none does' })
  successorOdsCode: string | null;
  @ApiProperty({ type: [String], example: [], description: 'Every organisation it replaced, directly or through earlier mergers' }) predecessorOdsCodes: string[];
}

export class RollUpDto {
  @ApiProperty({ example: 'QMJ', description: 'The code a record was submitted under' }) recordOdsCode: string;
  @ApiProperty({ example: '2026-12-01', format: 'date' }) asAt: string;
  @ApiProperty({ type: String, nullable: true, example: 'QMJ', description: 'The organisation now doing its work (its current successor)' }) currentOdsCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'QMJ', description: 'The ICB that sees the record' }) icbOdsCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Y56', description: "That ICB's region" }) regionOdsCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'X24' }) nationalOdsCode: string | null;
  @ApiProperty({ example: true, description: 'A new record may be submitted under this code on the date' }) validForNewRecords: boolean;
  @ApiProperty({ type: [String], example: ['QMJ'], description: 'For an ICB or region: every code (past or present) whose records it sees on the date' }) recordOdsCodes: string[];
}

export class ParentLinkDto {
  @ApiProperty({ example: 'Y56' }) parentOdsCode: string;
  @ApiProperty({ example: '2022-07-01', format: 'date' }) effectiveFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null }) effectiveTo: string | null;
}

export class OrganisationChangeDto {
  @ApiProperty({ example: '2026-04-01T09:00:00.000Z', format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true, example: 'refdata.admin' }) actorSubject: string | null;
  @ApiProperty({ example: 'update', description: 'create or update (by a change file import)' }) action: string;
}

export class OrganisationHistoryDto {
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
  @ApiProperty({ type: [ParentLinkDto], description: 'Its parents through time, oldest first' }) parentLinks: ParentLinkDto[];
  @ApiProperty({ type: [String], example: [], description: 'The organisations it directly replaced' }) predecessorOdsCodes: string[];
  @ApiProperty({ type: [String], example: [], description: 'The organisations that directly replaced it' }) successorOdsCodes: string[];
  @ApiProperty({ type: [OrganisationChangeDto], description: 'Who changed it and when, newest first' }) changes: OrganisationChangeDto[];
}

export class ImportOrganisationChangesDto {
  @ApiProperty({
    description:
      'ODS-style change file: header `ods_code,name,type,parent_ods_code,effective_from,effective_to,predecessor_ods_codes`; several predecessors separated by `;`. A row for a known code from a later date is a boundary change (its parent link closes the day before); with its own start date it corrects that period (e.g. sets its end).',
    example:
      'ods_code,name,type,parent_ods_code,effective_from,effective_to,predecessor_ods_codes\nZX1,Fictional West ICB,icb,Y58,2022-07-01,2026-03-31,\nZX2,Fictional Coast ICB,icb,Y58,2022-07-01,2026-03-31,\nZX3,Fictional West and Coast ICB,icb,Y58,2026-04-01,,ZX1;ZX2\n',
  })
  @IsString()
  @Length(1, 1_000_000)
  csv: string;
}

export class OrganisationImportReportDto {
  @ApiProperty({ example: true }) dryRun: boolean;
  @ApiProperty({ type: 'integer', format: 'int32', example: 3, description: 'Data rows read' }) rows: number;
  @ApiProperty({ type: [String], example: ['ZX1', 'ZX2', 'ZX3'], description: 'Organisations changed (on a dry run: that would change)' }) changed: string[];
  @ApiProperty({ type: [CsvRowProblemDto] }) errors: CsvRowProblemDto[];
}
