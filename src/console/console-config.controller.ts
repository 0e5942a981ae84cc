import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators';
import { ROLES } from '../common/actor';
import { Clock } from '../common/clock';
import { localDateOf, toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * What every console screen needs from the server besides data: the court's zone and the
 * server's now and today in it, so countdowns and "today" follow the server's clock, not the
 * phone's (and a test's FixedClock reaches the browser).
 */
@ApiTags('console')
@ApiBearerAuth()
@Controller('api/v1/console/config')
@Roles(...ROLES)
export class ConsoleConfigController {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** {timezone, now, today}: `now` an ISO instant with the court's offset, `today` YYYY-MM-DD there. */
  @Get()
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { timezone: { type: 'string' }, now: { type: 'string', format: 'date-time' }, today: { type: 'string', format: 'date' } },
    },
  })
  get() {
    const now = this.clock.now();
    const timezone = this.config.courtTimezone;
    return { timezone, now: toZonedIso(now, timezone), today: localDateOf(now, timezone) };
  }
}
