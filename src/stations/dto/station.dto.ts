import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const PHONE = /^\+?[\d\- ]{3,20}$/;

export class ShiftTemplateDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @Matches(HH_MM, { message: 'must be a local time HH:mm' }) start: string;
  @Matches(HH_MM, { message: 'must be a local time HH:mm' }) end: string;
}

export class CreateStationDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsString() @IsNotEmpty() @MaxLength(200) courtName: string;
  @IsOptional() @IsString() @MaxLength(60) timezone?: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ShiftTemplateDto)
  shiftTemplates: ShiftTemplateDto[];
  @IsOptional() @IsBoolean() workdaysOnly?: boolean;
  /** Shown on the reception screen when nobody is on duty (e.g. the center's 12348 line). */
  @Matches(PHONE, { message: 'must be a phone number' }) fallbackPhone: string;
}

export class UpdateStationDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) courtName?: string;
  @IsOptional() @IsString() @MaxLength(60) timezone?: string;
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ShiftTemplateDto)
  shiftTemplates?: ShiftTemplateDto[];
  @IsOptional() @IsBoolean() workdaysOnly?: boolean;
  @IsOptional() @Matches(PHONE, { message: 'must be a phone number' }) fallbackPhone?: string;
}
