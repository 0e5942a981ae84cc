import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/access.decorators';
import { ApiFileAnswer } from '../common/api-file-answer';
import { CalendarFeedsService, FeedReply } from './calendar-feeds.service';
import { ApiErrors } from '../common/api-errors';

/**
 * iCalendar feeds. No bearer header (calendar apps cannot send one): the lawyer's secret
 * token in the path, or a staff user's token in `?token=`, is the credential.
 * `private, no-cache`: shared caches keep nothing, clients revalidate with If-None-Match.
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
    send(res, await this.feeds.lawyerFeed(token, ifNoneMatch));
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
    send(res, await this.feeds.stationFeed(stationId, typeof token === 'string' ? token : undefined, ifNoneMatch));
  }
}

/** Written by hand, not res.send(): Express would add its own freshness check on If-Modified-Since. */
function send(res: Response, reply: FeedReply): void {
  res.setHeader('ETag', reply.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  if (reply.notModified) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', 'inline; filename="calendar.ics"');
  res.setHeader('Last-Modified', new Date(reply.lastModified).toUTCString());
  res.setHeader('Content-Length', String(reply.body.length));
  res.status(200).end(reply.body);
}
