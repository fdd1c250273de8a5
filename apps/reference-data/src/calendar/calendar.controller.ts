import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequirePermission } from '@scrt/auth';
import { Permissions, type Principal } from '@scrt/contracts';
import { ApiBodyProblemResponses, problemContent } from '@scrt/http';
import { cachingHeaders, contentEtag, notModified } from '../http-caching.js';
import { CalendarService } from './calendar.service.js';
import { BankHolidayDto, BankHolidayListDto, BankHolidayYearsQuery, CreateBankHolidayDto, HolidayDateParam } from './dto/bank-holiday.dto.js';
import { AddWorkingDaysQuery, AddWorkingDaysResultDto, CountWorkingDaysQuery, CountWorkingDaysResultDto } from './dto/working-days.dto.js';

const holidayCaching = cachingHeaders('"bank-holidays.3q2-7wEXAMPLE0000000000"');

@ApiTags('reference data: calendar')
@Controller('reference-data/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('bank-holidays')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'listBankHolidays',
    summary: 'England and Wales bank holidays (with substitute days) of a range of years',
    description: 'Each day says where it comes from (`source`): the published gov.uk list, the standing rules (for years the list does not cover yet), or an addition through the API. Years default to this year. The answer carries a strong `ETag` (a digest of its content) and `Cache-Control`; `If-None-Match` with it answers 304 while those years are unchanged.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of the representation the client holds.', example: '"bank-holidays.3q2-7wEXAMPLE0000000000"' })
  @ApiOkResponse({ type: BankHolidayListDto, description: 'The bank holidays of the years asked for, in date order.', headers: holidayCaching })
  @ApiResponse({ status: 304, description: 'Not modified: the bank holidays of those years are the ones named by If-None-Match.', headers: holidayCaching })
  async list(
    @Query() query: BankHolidayYearsQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BankHolidayListDto | undefined> {
    const holidays = await this.calendar.list(query.fromYear, query.toYear);
    return notModified(reply, ifNoneMatch, contentEtag('bank-holidays', holidays)) ? undefined : holidays;
  }

  @Post('bank-holidays')
  @HttpCode(201)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'createBankHoliday',
    summary: 'Add a bank holiday (a proclaimed extra day); audited',
    description: 'For a day proclaimed after the published list: deadlines counted in working days then skip it. The date must be a weekday that is not a bank holiday already.',
  })
  @ApiCreatedResponse({ type: BankHolidayDto, description: 'The bank holiday was added.' })
  @ApiConflictResponse({ description: 'The date is already a bank holiday.', ...problemContent })
  @ApiBodyProblemResponses()
  add(@Body() body: CreateBankHolidayDto, @CurrentPrincipal() principal: Principal): Promise<BankHolidayDto> {
    return this.calendar.add(body, principal);
  }

  @Delete('bank-holidays/:date')
  @HttpCode(204)
  @RequirePermission(Permissions.referenceDataManage)
  @ApiOperation({
    operationId: 'deleteBankHoliday',
    summary: 'Remove a bank holiday (a day moved by proclamation); audited',
    description: 'For a bank holiday moved or withdrawn by proclamation: working-day counts include the date again.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: 'The date is not a bank holiday.', ...problemContent })
  async remove(@Param() params: HolidayDateParam, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.calendar.remove(params.date, principal);
  }

  @Get('working-days/add')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'getDateAfterWorkingDays',
    summary: 'The date N working days after a date (weekends and bank holidays skipped; day 1 is the first working day after `from`)',
    description: 'Skips Saturdays, Sundays and England and Wales bank holidays. `from` is day 0 and never counts, even when it is a working day.',
  })
  @ApiOkResponse({ type: AddWorkingDaysResultDto, description: 'The date `days` working days after `from`.' })
  addWorkingDays(@Query() query: AddWorkingDaysQuery): Promise<AddWorkingDaysResultDto> {
    return this.calendar.addWorkingDays(query.from, query.days);
  }

  @Get('working-days/count')
  @RequirePermission(Permissions.referenceDataRead)
  @ApiOperation({
    operationId: 'getWorkingDayCount',
    summary: 'Working days between two dates (`from` excluded, `to` included)',
    description: 'Counts the working days after `from` up to and including `to`; when `to` is before `from` the count is negative.',
  })
  @ApiOkResponse({ type: CountWorkingDaysResultDto, description: 'The number of working days between the two dates.' })
  count(@Query() query: CountWorkingDaysQuery): Promise<CountWorkingDaysResultDto> {
    return this.calendar.countWorkingDays(query.from, query.to);
  }
}
