import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { ROLES } from '../common/actor';
import { DomainError } from '../common/errors';
import { isLocalDate } from '../common/local-date';
import { PeriodDto, WorkdayOverrideDto, YearArrangementDto } from './dto/workday.dto';
import { WorkdaysService } from './workdays.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('workdays')
@ApiBearerAuth()
@Controller('api/v1/workdays')
@Roles('dispatcher')
export class WorkdaysController {
  constructor(private readonly workdays: WorkdaysService) {}

  /** Each date: workday or not, why (override, official data, weekend fallback), festival name; warnings for years without data. */
  @Get()
  @Roles(...ROLES)
  describe(@Query() q: PeriodDto) {
    return this.workdays.describe(q.from, q.to);
  }

  @Get('overrides')
  @Roles('dispatcher', 'supervisor')
  list() {
    return this.workdays.listOverrides();
  }

  @Post('overrides')
  set(@Body() dto: WorkdayOverrideDto, @CurrentActor() actor: Actor) {
    return this.workdays.setOverride(dto, actor);
  }

  @Delete('overrides/:date')
  @HttpCode(204)
  @ApiErrors('NOT_FOUND', 'WORKDAY_OVERRIDE_NOT_FOUND')
  async remove(@Param('date') date: string, @CurrentActor() actor: Actor) {
    if (!isLocalDate(date)) throw new DomainError('not_found', 'NOT_FOUND', 'no such date');
    await this.workdays.removeOverride(date, actor);
  }

  @Get('arrangements')
  @Roles('dispatcher', 'supervisor')
  arrangements() {
    return this.workdays.listArrangements();
  }

  /** A year's official arrangement (festivals, make-up workdays 调休); replaces the package's data for the year. */
  @Post('arrangements')
  setArrangement(@Body() dto: YearArrangementDto, @CurrentActor() actor: Actor) {
    return this.workdays.setArrangement(dto, actor);
  }

  @Get('arrangements/:year')
  @Roles('dispatcher', 'supervisor')
  @ApiErrors('NOT_FOUND', 'WORKDAY_ARRANGEMENT_NOT_FOUND')
  arrangement(
    @Param('year', new ParseIntPipe({ exceptionFactory: () => new DomainError('not_found', 'NOT_FOUND', 'no such year') })) year: number,
  ) {
    return this.workdays.arrangement(year);
  }
}
