import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsInstant, IsLocalDate } from '../../common/validation';
import { HELP_TYPES, type HelpType } from '../domain/help-types';

/** Ledger ids are sortableIds: UUID-shaped but without a version nibble, so @IsUUID() would refuse them. */
const LEDGER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HELP_TYPE_MESSAGE = { message: `must be one of ${HELP_TYPES.join(', ')}` };

/** POST /api/v1/help-records. Either `caseId` (a duty_lawyer_help case of the station) or `courtCaseNo`. */
export class CreateHelpRecordDto {
  @IsUUID() shiftId: string;
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) courtCaseNo?: string;
  /** Optional with `caseId` (taken from the case). */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) defendantName?: string;
  @IsIn(HELP_TYPES, HELP_TYPE_MESSAGE) helpType: HelpType;
  @IsString() @IsNotEmpty() @MaxLength(4000) summary: string;
  @IsInstant() startedAt: string;
  @IsInstant() endedAt: string;
  /** A correction: the record it replaces (which stays in the ledger); needs `correctionReason`. */
  @IsOptional() @Matches(LEDGER_ID, { message: 'must be a help record id' }) correctsId?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) correctionReason?: string;
}

/** PATCH /api/v1/help-records/:id: only before the day is signed off. */
export class UpdateHelpRecordDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) courtCaseNo?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) defendantName?: string;
  @IsOptional() @IsIn(HELP_TYPES, HELP_TYPE_MESSAGE) helpType?: HelpType;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(4000) summary?: string;
  @IsOptional() @IsInstant() startedAt?: string;
  @IsOptional() @IsInstant() endedAt?: string;
}

/** POST /api/v1/duty-log/:id/corrections (dispatcher): the right time of a check-in or check-out. */
export class DutyCorrectionDto {
  @IsInstant() at: string;
  @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

/** POST /api/v1/shifts/:id/duty-log (dispatcher): a check-in or check-out the lawyer could not record. */
export class DutyBackfillDto extends DutyCorrectionDto {
  @IsIn(['check_in', 'check_out']) kind: 'check_in' | 'check_out';
}

/** POST /api/v1/ledger/sign-offs (lawyer). */
export class SignOffDto {
  @IsUUID() stationId: string;
  @IsLocalDate() date: string;
}

export const LEDGER_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];
export const LEDGER_PARTS = ['duty', 'help'] as const;
export type LedgerPart = (typeof LEDGER_PARTS)[number];

/** Local dates, both ends included. */
export class DateRangeDto {
  @IsLocalDate() from: string;
  @IsLocalDate() to: string;
}

export class LedgerRangeDto extends DateRangeDto {
  @IsUUID() stationId: string;
}

/** GET /api/v1/ledger. `part` picks one table for CSV (default help records) or JSON (default both). */
export class LedgerQueryDto extends LedgerRangeDto {
  @IsOptional() @IsIn(LEDGER_FORMATS) format: LedgerFormat = 'json';
  @IsOptional() @IsIn(LEDGER_PARTS) part?: LedgerPart;
}

export class StationQueryDto {
  @IsUUID() stationId: string;
}
