import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../../common/validation';
import { SWAP_STATUSES, SwapStatus } from '../swap-request.entity';

export class OnDutyQueryDto {
  @IsOptional() @IsInstant() at?: string;
}

/** Dispatcher's change of a slot: the reason (required for a published shift) goes into the audit trail. */
export class OverrideShiftDto {
  @IsUUID() lawyerId: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) reason?: string;
  /** The shift's `sequence` as the screen showed it: another change meanwhile → 409 SHIFT_CHANGED instead of overwriting it. */
  @IsOptional() @IsInt() @Min(0) sequence?: number;
}

export class SwapRequestDto {
  @IsUUID() toLawyerId: string;
}

export class SwapQueryDto {
  @IsOptional() @IsIn(SWAP_STATUSES) status?: SwapStatus;
  @IsOptional() @IsUUID() lawyerId?: string;
}
