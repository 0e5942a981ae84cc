import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { RosterDetails } from './roster-details';
import { RostersService } from './rosters.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('stations')
@ApiBearerAuth()
@Controller('api/v1/rosters')
@Roles('dispatcher')
export class RostersController {
  constructor(
    private readonly rosters: RostersService,
    private readonly details: RosterDetails,
  ) {}

  /** The roster with names, current fairness and warnings, pending swaps and the changes since generation. */
  @Get(':id')
  @Roles('dispatcher', 'supervisor')
  @ApiErrors('ROSTER_NOT_FOUND')
  get(@Param('id', IdParam) id: string) {
    return this.details.get(id);
  }

  /** Draft → published; overlapping an already published roster of the station → 409. */
  @Post(':id/publish')
  @HttpCode(200)
  @ApiErrors('ROSTER_NOT_FOUND', 'ROSTER_ALREADY_PUBLISHED', 'ROSTER_OVERLAPS_PUBLISHED')
  publish(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.rosters.publish(id, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiErrors('ROSTER_NOT_FOUND', 'ROSTER_PUBLISHED')
  async discard(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    await this.rosters.discard(id, actor);
  }
}
