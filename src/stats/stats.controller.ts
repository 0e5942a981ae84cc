import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators';
import { StatsPeriodDto } from './dto/period.dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/v1/stats')
@Roles('supervisor', 'dispatcher')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('coverage')
  coverage(@Query() q: StatsPeriodDto) {
    return this.stats.coverage(q);
  }

  @Get('workload')
  workload(@Query() q: StatsPeriodDto) {
    return this.stats.workload(q);
  }
}
