import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/validation';
import { SWAP_STATUSES, SwapStatus } from '../swap-request.entity';

export class OnDutyQueryDto {
  @IsOptional() @IsInstant() at?: string;
}

/** Dispatcher's override of a published shift: the reason goes into the audit trail. */
export class OverrideShiftDto {
  @IsUUID() lawyerId: string;
  @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

export class SwapRequestDto {
  @IsUUID() toLawyerId: string;
}

export class SwapQueryDto {
  @IsOptional() @IsIn(SWAP_STATUSES) status?: SwapStatus;
  @IsOptional() @IsUUID() lawyerId?: string;
}
