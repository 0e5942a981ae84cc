import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { OverrideShiftDto, SwapQueryDto, SwapRequestDto } from './dto/roster.dto';
import { ShiftCandidatesService } from './shift-candidates.service';
import { ShiftsService } from './shifts.service';
import { SwapsService } from './swaps.service';

@ApiTags('stations')
@ApiBearerAuth()
@Controller('api/v1')
export class ShiftsController {
  constructor(
    private readonly shifts: ShiftsService,
    private readonly swaps: SwapsService,
    private readonly candidates: ShiftCandidatesService,
  ) {}

  /** The station's active members judged for this slot: eligible first, each refusal by its rule (UNAVAILABLE, OVERLAPPING_SHIFT). */
  @Get('shifts/:id/candidates')
  @Roles('dispatcher', 'supervisor')
  listCandidates(@Param('id', IdParam) id: string) {
    return this.candidates.list(id);
  }

  /**
   * Change of holder (draft or published; `reason` required once published); 400/409 naming the
   * hard rule, soft rules come back as `warnings`.
   */
  @Patch('shifts/:id')
  @Roles('dispatcher')
  override(@Param('id', IdParam) id: string, @Body() dto: OverrideShiftDto, @CurrentActor() actor: Actor) {
    return this.shifts.override(id, dto, actor);
  }

  @Post('shifts/:id/swap-requests')
  @Roles('lawyer', 'dispatcher')
  requestSwap(@Param('id', IdParam) id: string, @Body() dto: SwapRequestDto, @CurrentActor() actor: Actor) {
    return this.swaps.request(id, dto, actor);
  }

  @Get('swap-requests')
  @Roles('lawyer', 'dispatcher', 'supervisor')
  listSwaps(@Query() q: SwapQueryDto, @CurrentActor() actor: Actor) {
    return this.swaps.list(q, actor);
  }

  @Post('swap-requests/:id/accept')
  @HttpCode(200)
  @Roles('lawyer')
  accept(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.swaps.accept(id, actor);
  }

  @Post('swap-requests/:id/decline')
  @HttpCode(200)
  @Roles('lawyer')
  decline(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.swaps.decline(id, actor);
  }

  @Post('swap-requests/:id/cancel')
  @HttpCode(200)
  @Roles('lawyer', 'dispatcher')
  cancel(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.swaps.cancel(id, actor);
  }
}
