import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { OutboxService } from './outbox.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly outbox: OutboxService) {}

  /** Queued and sent mails, newest first, without their bodies; the total is in `X-Total-Count`. */
  @Get()
  @Roles('dispatcher')
  async list(@Query() q: NotificationQueryDto, @Res({ passthrough: true }) res: Response) {
    const { items, total } = await this.outbox.list(q);
    res.setHeader('X-Total-Count', String(total));
    return items;
  }

  /** A failed mail goes back to pending with fresh attempts. */
  @Post(':id/resend')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The mail, pending again' })
  @ApiNotFoundResponse({ description: 'no such notification' })
  @ApiConflictResponse({ description: 'NOTIFICATION_NOT_FAILED: only a failed mail can be resent' })
  @ApiErrors('NOTIFICATION_NOT_FOUND', 'NOTIFICATION_NOT_FAILED')
  resend(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.outbox.resend(id, actor);
  }
}
