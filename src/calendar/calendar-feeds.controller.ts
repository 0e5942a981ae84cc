import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/access.decorators';
import { ApiFileAnswer } from '../common/api-file-answer';
import { CalendarFeedsService } from './calendar-feeds.service';
import { writeFeed } from './feed-response';
import { ApiErrors } from '../common/api-errors';

/**
 * iCalendar feeds. No bearer header (calendar apps cannot send one): the lawyer's secret
 * token in the path, or a staff user's token in `?token=`, is the credential.
 */
@ApiTags('calendar')
@Controller('calendar')
@Public()
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get('lawyers/:token.ics')
  @ApiFileAnswer("The lawyer's shifts, hearings and deadlines (304 when If-None-Match matches)", { 'text/calendar': 'text' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked token' })
  @ApiErrors('FEED_NOT_FOUND')
  async lawyer(@Param('token') token: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() res: Response) {
    writeFeed(res, await this.feeds.lawyerFeed(token, ifNoneMatch));
  }

  @Get('stations/:stationId.ics')
  @ApiFileAnswer("The station's published roster with lawyers' names and phones", { 'text/calendar': 'text' })
  @ApiNotFoundResponse({ description: 'Unknown station, or ?token= not a staff token' })
  @ApiErrors('FEED_NOT_FOUND')
  async station(
    @Param('stationId') stationId: string,
    @Query('token') token: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ) {
    writeFeed(res, await this.feeds.stationFeed(stationId, typeof token === 'string' ? token : undefined, ifNoneMatch));
  }
}
