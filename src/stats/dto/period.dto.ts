import { IsOptional } from 'class-validator';
import { IsLocalDate } from '../../common/validation';

/** A statistics period in court-local dates, both ends included; defaults to the last 365 days. */
export class StatsPeriodDto {
  @IsOptional() @IsLocalDate() from?: string;
  @IsOptional() @IsLocalDate() to?: string;
}
