import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../common/validation';

export class WorkdayOverrideDto {
  @IsLocalDate() date: string;
  @IsBoolean() workday: boolean;
  @IsString() @IsNotEmpty() @MaxLength(500) note: string;
}

/** A period of local dates, both included. */
export class PeriodDto {
  @IsLocalDate() from: string;
  @IsLocalDate() to: string;
}
