import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
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

export class FestivalSpanDto {
  @IsString() @IsNotEmpty() @MaxLength(50) name: string;
  @IsLocalDate() from: string;
  @IsLocalDate() to: string;
}

/** A year's State Council arrangement: festivals with their days off, and the make-up workdays 调休. */
export class YearArrangementDto {
  @IsInt() @Min(2000) @Max(2100) year: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => FestivalSpanDto) festivals: FestivalSpanDto[];
  @IsArray() @ArrayMaxSize(30) @IsLocalDate({ each: true }) workdays: string[];
}
