import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { CalendarTokensService } from './calendar-tokens.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/lawyers/:id/calendar-token')
@Roles('dispatcher', 'lawyer')
export class CalendarTokensController {
  constructor(private readonly tokens: CalendarTokensService) {}

  /** 201 {url, webcalUrl}: a new secret feed URL; the previous one stops working. */
  @Post()
  @ApiCreatedResponse({ description: 'The new feed URLs' })
  @ApiForbiddenResponse({ description: "A lawyer asking for another lawyer's feed" })
  @ApiNotFoundResponse({ description: 'No such lawyer' })
  @ApiErrors('LAWYER_NOT_FOUND', 'NOT_OWN_LAWYER_ID')
  issue(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.tokens.issue(id, actor);
  }

  /** 204: the feed URL stops working and no new one is made. */
  @Delete()
  @HttpCode(204)
  @ApiErrors('LAWYER_NOT_FOUND', 'NOT_OWN_LAWYER_ID')
  async revoke(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    await this.tokens.revoke(id, actor);
  }
}
