import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from './calendar-date.js';

export const BankHolidaySources = ['gov.uk', 'rule', 'admin'] as const;

export class BankHolidayDto {
  @ApiProperty({ example: '2026-12-28', format: 'date' }) date: string;
  @ApiProperty({ example: 'Boxing Day (substitute day)' }) name: string;
  @ApiPropertyOptional({ type: String, example: '2026-12-26', format: 'date', nullable: true, description: 'The weekend date this day substitutes for' })
  substituteFor: string | null;
  @ApiProperty({ enum: BankHolidaySources, example: 'gov.uk', description: 'gov.uk: published list; rule: computed by the standing rules, may change by proclamation; admin: added through the API' })
  source: string;
}

export class BankHolidayListDto {
  @ApiProperty({ type: 'integer', format: 'int32', example: 2026 }) fromYear: number;
  @ApiProperty({ type: 'integer', format: 'int32', example: 2026 }) toYear: number;
  @ApiProperty({ type: [BankHolidayDto] }) items: BankHolidayDto[];
}

export class BankHolidayYearsQuery {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', example: 2026, description: 'First year (default: this year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  fromYear?: number;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', example: 2027, description: 'Last year (default: fromYear)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  toYear?: number;
}

export class CreateBankHolidayDto {
  @ApiProperty({ example: '2027-06-04', format: 'date', description: 'A weekday' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Bank holiday for a royal occasion' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: '2027-12-25', format: 'date', description: 'The weekend date this day substitutes for' })
  @IsOptional()
  @IsCalendarDate()
  substituteFor?: string;
}

export class HolidayDateParam {
  @ApiProperty({ example: '2027-06-04', format: 'date' })
  @IsCalendarDate()
  date: string;
}
