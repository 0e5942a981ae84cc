import { Body, Controller, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { badRequest } from '../common/errors';
import { IdParam } from '../common/id-param';
import { CourtNoticesService } from './court-notices.service';
import { CourtNoticeDto, NoticeSupplementDto } from './dto/court-notice.dto';
import { ApiErrors } from '../common/api-errors';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1')
@Roles('court_clerk', 'dispatcher')
export class CourtNoticesController {
  constructor(private readonly notices: CourtNoticesService) {}

  /** The court's 通知辩护函 (Art 4): routed, checked for completeness, deadlines set. */
  @Post('court-notices')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiErrors('IDEMPOTENCY_KEY_REUSED', 'STATION_NOT_FOUND')
  receive(@Body() dto: CourtNoticeDto, @CurrentActor() actor: Actor, @Headers('idempotency-key') key?: string) {
    if (key !== undefined && (key.length === 0 || key.length > 200)) throw badRequest('Idempotency-Key', 'must be 1 to 200 characters');
    return this.notices.receive(dto, actor, key);
  }

  /**
   * The dry run: validated as `POST court-notices` is (same 400 details), answered 200 with the
   * route, status, missingFields, warnings and deadlines it would get; nothing is written.
   */
  @Post('court-notices/validate')
  @HttpCode(200)
  @ApiErrors('STATION_NOT_FOUND')
  check(@Body() dto: CourtNoticeDto, @CurrentActor() actor: Actor) {
    return this.notices.check(dto, actor);
  }

  /** What the court supplies later (Art 7). */
  @Patch('cases/:id/notice')
  @ApiErrors('CASE_NOT_FOUND', 'CASE_ENDED', 'CASE_CHANGED', 'PROCEDURE_CONVERSION_NOT_ALLOWED')
  supplement(@Param('id', IdParam) id: string, @Body() dto: NoticeSupplementDto, @CurrentActor() actor: Actor) {
    return this.notices.supplement(id, dto, actor);
  }
}
