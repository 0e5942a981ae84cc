import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { OverrideShiftDto, SwapQueryDto, SwapRequestDto } from './dto/roster.dto';
import { ShiftCandidatesService } from './shift-candidates.service';
import { ShiftsService } from './shifts.service';
import { SwapsService } from './swaps.service';
import { ApiErrors } from '../common/api-errors';

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
  @ApiErrors('SHIFT_NOT_FOUND')
  listCandidates(@Param('id', IdParam) id: string) {
    return this.candidates.list(id);
  }

  /**
   * Change of holder (draft or published; `reason` required once published); 400/409 naming the
   * hard rule, soft rules come back as `warnings`.
   */
  @Patch('shifts/:id')
  @Roles('dispatcher')
  @ApiErrors('SHIFT_NOT_FOUND', 'SHIFT_CHANGED', 'NOT_ELIGIBLE_FOR_STATION', 'UNAVAILABLE', 'OVERLAPPING_SHIFT')
  override(@Param('id', IdParam) id: string, @Body() dto: OverrideShiftDto, @CurrentActor() actor: Actor) {
    return this.shifts.override(id, dto, actor);
  }

  @Post('shifts/:id/swap-requests')
  @Roles('lawyer', 'dispatcher')
  @ApiErrors(
    'SHIFT_NOT_FOUND',
    'SHIFT_NOT_PUBLISHED',
    'SHIFT_STARTED',
    'SHIFT_UNFILLED',
    'SWAP_PENDING',
    'UNAVAILABLE',
    'OVERLAPPING_SHIFT',
    'NOT_ELIGIBLE_FOR_STATION',
  )
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
  @ApiErrors('SWAP_REQUEST_NOT_FOUND', 'SWAP_NOT_PENDING', 'SWAP_STALE', 'SHIFT_STARTED', 'UNAVAILABLE', 'OVERLAPPING_SHIFT')
  accept(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.swaps.accept(id, actor);
  }

  @Post('swap-requests/:id/decline')
  @HttpCode(200)
  @Roles('lawyer')
  @ApiErrors('SWAP_REQUEST_NOT_FOUND', 'SWAP_NOT_PENDING')
  decline(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.swaps.decline(id, actor);
  }

  @Post('swap-requests/:id/cancel')
  @HttpCode(200)
  @Roles('lawyer', 'dispatcher')
  @ApiErrors('SWAP_REQUEST_NOT_FOUND', 'SWAP_NOT_PENDING')
  cancel(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.swaps.cancel(id, actor);
  }
}
