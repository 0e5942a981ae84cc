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
  get(@Param('id', IdParam) id: string) {
    return this.stations.get(id);
  }

  @Patch(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateStationDto, @CurrentActor() actor: Actor) {
    return this.stations.update(id, dto, actor);
  }

  /** Generates a draft; generating again replaces the drafts it overlaps. */
  @Post(':id/rosters')
  generate(@Param('id', IdParam) id: string, @Body() dto: PeriodDto, @CurrentActor() actor: Actor) {
    return this.rosters.generate(id, dto, actor);
  }

  @Get(':id/rosters')
  @Roles('dispatcher', 'supervisor')
  listRosters(@Param('id', IdParam) id: string) {
    return this.rosters.list(id);
  }

  @Get(':id/shifts')
  @Roles('dispatcher', 'supervisor', 'lawyer', 'court_clerk', 'reception')
  listShifts(@Param('id', IdParam) id: string, @Query() q: PeriodDto) {
    return this.shifts.published(id, q);
  }

  /** The station's serving lawyers by name, for a member choosing whom to offer a shift (names and firms only). */
  @Get(':id/members')
  @Roles('dispatcher', 'supervisor', 'lawyer')
  members(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.stations.colleagues(id, actor);
  }

  @Get(':id/on-duty')
  @Roles(...ROLES)
  onDutyAt(@Param('id', IdParam) id: string, @Query() q: OnDutyQueryDto) {
    return this.onDuty.at(id, q.at);
  }
}
