import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { ROLES } from '../common/actor';
import { IdParam } from '../common/id-param';
import { PeriodDto } from '../workdays/dto/workday.dto';
import { OnDutyQueryDto } from './dto/roster.dto';
import { CreateStationDto, UpdateStationDto } from './dto/station.dto';
import { OnDutyService } from './on-duty.service';
import { RostersService } from './rosters.service';
import { ShiftsService } from './shifts.service';
import { StationsService } from './stations.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('stations')
@ApiBearerAuth()
@Controller('api/v1/stations')
@Roles('dispatcher')
export class StationsController {
  constructor(
    private readonly stations: StationsService,
    private readonly rosters: RostersService,
    private readonly shifts: ShiftsService,
    private readonly onDuty: OnDutyService,
  ) {}

  @Post()
  create(@Body() dto: CreateStationDto, @CurrentActor() actor: Actor) {
    return this.stations.create(dto, actor);
  }

  /** Court clerks need station ids for their notices; every role may read stations. */
  @Get()
  @Roles(...ROLES)
  list() {
    return this.stations.list();
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiErrors('STATION_NOT_FOUND')
  get(@Param('id', IdParam) id: string) {
    return this.stations.get(id);
  }

  @Patch(':id')
  @ApiErrors('STATION_NOT_FOUND')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateStationDto, @CurrentActor() actor: Actor) {
    return this.stations.update(id, dto, actor);
  }

  /** Generates a draft; generating again replaces the drafts it overlaps. */
  @Post(':id/rosters')
  @ApiErrors('STATION_NOT_FOUND')
  generate(@Param('id', IdParam) id: string, @Body() dto: PeriodDto, @CurrentActor() actor: Actor) {
    return this.rosters.generate(id, dto, actor);
  }

  @Get(':id/rosters')
  @Roles('dispatcher', 'supervisor')
  @ApiErrors('STATION_NOT_FOUND')
  listRosters(@Param('id', IdParam) id: string) {
    return this.rosters.list(id);
  }

  @Get(':id/shifts')
  @Roles('dispatcher', 'supervisor', 'lawyer', 'court_clerk', 'reception')
  @ApiErrors('STATION_NOT_FOUND')
  listShifts(@Param('id', IdParam) id: string, @Query() q: PeriodDto) {
    return this.shifts.published(id, q);
  }

  /** The station's serving lawyers by name, for a member choosing whom to offer a shift (names and firms only). */
  @Get(':id/members')
  @Roles('dispatcher', 'supervisor', 'lawyer')
  @ApiErrors('STATION_NOT_FOUND', 'NOT_STATION_MEMBER')
  members(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.stations.colleagues(id, actor);
  }

  @Get(':id/on-duty')
  @Roles(...ROLES)
  @ApiErrors('STATION_NOT_FOUND')
  onDutyAt(@Param('id', IdParam) id: string, @Query() q: OnDutyQueryDto) {
    return this.onDuty.at(id, q.at);
  }
}
