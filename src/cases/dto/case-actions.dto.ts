import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsInstant, IsLocalDate, QueryBoolean, MAX_OFFSET } from '../../common/validation';
import { CASE_STATES, CaseState, TERMINATION_GROUND_CODES, TerminationGroundCode } from '../domain/case-state';
import type { Route } from '../domain/routing';
import { ASSIGN_MODES, AssignMode } from '../../assignment/domain/offer';
import { HEARING_KINDS, HearingKind } from '../hearing.entity';
import { OBJECTION_OUTCOMES, ObjectionOutcome } from '../objection.entity';

const ROUTES: readonly Route[] = ['appointed_defence', 'duty_lawyer_help', 'none'];
export const CASE_SORTS = ['receivedAt', 'appointBy'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export class CaseQueryDto {
  @IsOptional() @IsIn(CASE_STATES) status?: CaseState;
  @IsOptional() @IsIn(ROUTES) route?: Route;
  /** Received on or after / on or before (court-local dates). */
  @IsOptional() @IsLocalDate() from?: string;
  @IsOptional() @IsLocalDate() to?: string;
  @IsOptional() @IsUUID() lawyerId?: string;
  @IsOptional() @IsUUID() stationId?: string;
  @IsOptional() @IsString() @MaxLength(100) courtCaseNo?: string;
  /** Not yet appointed and past appointBy (Art 6). */
  @IsOptional() @QueryBoolean() @IsBoolean() overdue?: boolean;
  /** Appointed defence not yet appointed (Art 6 running): the dispatcher's to-do list. */
  @IsOptional() @QueryBoolean() @IsBoolean() awaiting?: boolean;
  /** `receivedAt` (default, newest first) or `appointBy` (earliest deadline first). */
  @IsOptional() @IsIn(CASE_SORTS) sort?: CaseSort;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset: number = 0;
}

export class LetterQueryDto {
  /** The 法律援助公函 as Word (default) or PDF. */
  @IsOptional() @IsIn(['docx', 'pdf']) format: 'docx' | 'pdf' = 'docx';
}

export class AssignDto {
  /** Given → a manual override; `reason` is then required. */
  @IsOptional() @IsUUID() lawyerId?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) reason?: string;
  /** `offer`: the lawyer accepts or declines first (issue 12 item 10); default ASSIGNMENT_DEFAULT_MODE (direct). */
  @IsOptional() @IsIn(ASSIGN_MODES) mode?: AssignMode;
}

export class RefusalDto {
  @IsBoolean() justified: boolean;
  @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class TerminateDto {
  @IsIn(TERMINATION_GROUND_CODES) ground: TerminationGroundCode;
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class CloseDto {
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class HearingDto {
  @IsIn(HEARING_KINDS) kind: HearingKind;
  /** Required for a pre-trial meeting, trial or verdict; the new date of a postponement. */
  @IsOptional() @IsInstant() at?: string;
  @IsOptional() @IsString() @MaxLength(300) place?: string;
  /** When the court told the centre; default now. */
  @IsOptional() @IsInstant() toldAt?: string;
}

export class HearingUpdateDto {
  @IsOptional() @IsInstant() at?: string;
  @IsOptional() @IsString() @MaxLength(300) place?: string;
  @IsOptional() @IsBoolean() cancelled?: boolean;
  @IsOptional() @IsInstant() toldAt?: string;
}

export class ObjectionDto {
  /** The day the defendant received the decision not to give (or to end) aid. */
  @IsLocalDate() decisionReceivedOn: string;
  @IsString() @IsNotEmpty() @MaxLength(2000) grounds: string;
  /** When the objection reached the justice bureau; default now. */
  @IsOptional() @IsInstant() filedAt?: string;
}

export class ObjectionDecisionDto {
  @IsIn(OBJECTION_OUTCOMES) outcome: ObjectionOutcome;
  @IsString() @IsNotEmpty() @MaxLength(2000) note: string;
}

export class ObjectionQueryDto {
  @IsOptional() @IsIn(['pending', ...OBJECTION_OUTCOMES]) status?: string;
  /** Pending and past reviewBy. */
  @IsOptional() @QueryBoolean() @IsBoolean() overdue?: boolean;
}
