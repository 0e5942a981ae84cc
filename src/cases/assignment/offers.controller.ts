import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/access.decorators';
import { IdParam } from '../../common/id-param';
import { DeclineDto, OfferAcceptedView, OfferDeclinedView } from './dto/offer.dto';
import { OffersService } from './offers.service';
import { ApiErrors } from '../../common/api-errors';

/** The offered lawyer answers (issue 12 item 10); a dispatcher may answer for a lawyer who phoned in. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/assignments')
@Roles('lawyer', 'dispatcher')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Post(':id/accept')
  @HttpCode(200)
  @ApiErrors('ASSIGNMENT_NOT_FOUND', 'OFFER_NOT_PENDING', 'OFFER_EXPIRED', 'CASE_CHANGED')
  accept(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor): Promise<OfferAcceptedView> {
    return this.offers.accept(id, actor);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiErrors('ASSIGNMENT_NOT_FOUND', 'OFFER_NOT_PENDING')
  decline(@Param('id', IdParam) id: string, @Body() dto: DeclineDto, @CurrentActor() actor: Actor): Promise<OfferDeclinedView> {
    return this.offers.decline(id, dto.reason, actor);
  }
}
