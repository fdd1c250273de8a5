import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { problemContent } from '@scrt/http';
import { CalendarService } from './calendar.service.js';
import { BankHolidayDto, BankHolidayListDto, BankHolidayYearsQuery, CreateBankHolidayDto, HolidayDateParam } from './dto/bank-holiday.dto.js';
import { AddWorkingDaysQuery, AddWorkingDaysResultDto, CountWorkingDaysQuery, CountWorkingDaysResultDto } from './dto/working-days.dto.js';

@ApiTags('reference data: calendar')
@Controller('reference-data/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('bank-holidays')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'England and Wales bank holidays (with substitute days) of a range of years' })
  @ApiOkResponse({ type: BankHolidayListDto })
  list(@Query() query: BankHolidayYearsQuery): Promise<BankHolidayListDto> {
    return this.calendar.list(query.fromYear, query.toYear);
  }

  @Post('bank-holidays')
  @HttpCode(201)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'Add a bank holiday (a proclaimed extra day); audited' })
  @ApiCreatedResponse({ type: BankHolidayDto })
  @ApiConflictResponse({ description: 'The date is already a bank holiday.', ...problemContent })
  add(@Body() body: CreateBankHolidayDto, @CurrentPrincipal() principal: Principal): Promise<BankHolidayDto> {
    return this.calendar.add(body, principal);
  }

  @Delete('bank-holidays/:date')
  @HttpCode(204)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({ summary: 'Remove a bank holiday (a day moved by proclamation); audited' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: 'The date is not a bank holiday.', ...problemContent })
  async remove(@Param() params: HolidayDateParam, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.calendar.remove(params.date, principal);
  }

  @Get('working-days/add')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'The date N working days after a date (weekends and bank holidays skipped; day 1 is the first working day after `from`)' })
  @ApiOkResponse({ type: AddWorkingDaysResultDto })
  addWorkingDays(@Query() query: AddWorkingDaysQuery): Promise<AddWorkingDaysResultDto> {
    return this.calendar.addWorkingDays(query.from, query.days);
  }

  @Get('working-days/count')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({ summary: 'Working days between two dates (`from` excluded, `to` included)' })
  @ApiOkResponse({ type: CountWorkingDaysResultDto })
  count(@Query() query: CountWorkingDaysQuery): Promise<CountWorkingDaysResultDto> {
    return this.calendar.countWorkingDays(query.from, query.to);
  }
}
