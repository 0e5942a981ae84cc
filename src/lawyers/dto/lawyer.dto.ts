import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsLocalDate, QueryBoolean, MAX_OFFSET } from '../../common/validation';
import { POOL_TIERS, PoolTier } from '../lawyer.entity';

/** A set of ISO weekdays, 1 = Monday … 7 = Sunday. */
const Weekdays = () =>
  applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayUnique(),
    ArrayMaxSize(7),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(7, { each: true }),
  );

/** Fields a lawyer may carry; shared by create, patch and each CSV row. */
export class LawyerFieldsDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @Matches(/^\d{17}$/, { message: 'must be 17 digits (执业证号)' }) licenseNo: string;
  @IsString() @IsNotEmpty() @MaxLength(200) firm: string;
  @Matches(/^\+?[\d\- ]{5,20}$/, { message: 'must be a phone number' }) phone: string;
  @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(200) email: string;
  @IsBoolean() juvenileExperience: boolean;
  @IsLocalDate() criminalPracticeSince: string;
  @IsIn(POOL_TIERS) poolTier: PoolTier;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.1) @Max(10) weight?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1000) maxOpenCases?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) dutyStationIds?: string[];
  /** ISO weekdays 1–7 the lawyer never serves on (recurring unavailability, honoured like leave). */
  @Weekdays() blockedWeekdays?: number[];
  /** ISO weekdays 1–7 the lawyer prefers; never overlapping blockedWeekdays. */
  @Weekdays() preferredWeekdays?: number[];
  @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateLawyerDto extends LawyerFieldsDto {}

export class UpdateLawyerDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) firm?: string;
  @IsOptional() @Matches(/^\+?[\d\- ]{5,20}$/, { message: 'must be a phone number' }) phone?: string;
  @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?: string;
  @IsOptional() @IsBoolean() juvenileExperience?: boolean;
  @IsOptional() @IsLocalDate() criminalPracticeSince?: string;
  @IsOptional() @IsIn(POOL_TIERS) poolTier?: PoolTier;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.1) @Max(10) weight?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1000) maxOpenCases?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) dutyStationIds?: string[];
  /** ISO weekdays 1–7 the lawyer never serves on (recurring unavailability, honoured like leave). */
  @Weekdays() blockedWeekdays?: number[];
  /** ISO weekdays 1–7 the lawyer prefers; never overlapping blockedWeekdays. */
  @Weekdays() preferredWeekdays?: number[];
  @IsOptional() @IsBoolean() active?: boolean;
  /** Suspension (e.g. a disciplinary measure, Art 19) keeps the lawyer in the pool but out of every pick. */
  @IsOptional() @IsBoolean() suspended?: boolean;
  @IsOptional() @IsString() @MaxLength(500) suspensionReason?: string;
}

export class LawyerQueryDto {
  @IsOptional() @QueryBoolean() @IsBoolean() active?: boolean;
  @IsOptional() @QueryBoolean() @IsBoolean() juvenileExperience?: boolean;
  @IsOptional() @IsIn(POOL_TIERS) poolTier?: PoolTier;
  @IsOptional() @IsUUID() stationId?: string;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) limit: number = 1000;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset: number = 0;
}

export class UnavailabilityDto {
  @IsLocalDate() from: string;
  @IsLocalDate() to: string;
  @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}
