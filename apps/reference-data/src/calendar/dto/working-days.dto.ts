import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate } from './calendar-date.js';

export class AddWorkingDaysQuery {
  @ApiProperty({ example: '2026-12-21', format: 'date', description: 'Day 0: it never counts, even when it is a working day' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ type: 'integer', format: 'int32', example: 5, minimum: 0, maximum: 3000, description: 'Working days to add; day 1 is the first working day after `from`' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3000)
  days: number;
}

export class CountWorkingDaysQuery {
  @ApiProperty({ example: '2026-12-21', format: 'date', description: 'Excluded' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-30', format: 'date', description: 'Included; before `from` gives a negative count' })
  @IsCalendarDate()
  to: string;
}

export class AddWorkingDaysResultDto {
  @ApiProperty({ example: '2026-12-21', format: 'date' }) from: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 5 }) days: number;
  @ApiProperty({ example: '2026-12-30', format: 'date', description: 'The date `days` working days after `from`' }) date: string;
  @ApiProperty({ example: 'day 1 is the first working day after `from`; `from` itself never counts' }) rule: string;
}

export class CountWorkingDaysResultDto {
  @ApiProperty({ example: '2026-12-21', format: 'date' }) from: string;
  @ApiProperty({ example: '2026-12-30', format: 'date' }) to: string;
  @ApiProperty({ type: 'integer', format: 'int32', example: 5, description: 'Working days after `from` up to and including `to`' }) workingDays: number;
  @ApiProperty({ example: '`from` excluded, `to` included' }) rule: string;
}
