import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, IsLocalDate } from '../../common/validation';
import { DISABILITIES, Disability, POSSIBLE_SENTENCES, PossibleSentence, PROCEDURES, Procedure } from '../domain/notice.types';

const PHONE = /^\+?[\d\- ]{5,20}$/;

export class NoticeDefendantDto {
  @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  /** 居民身份证号: 18 characters (or the old 15 digits). */
  @IsOptional() @Matches(/^(\d{15}|\d{17}[\dXx])$/, { message: 'must be an 18-character resident ID number' }) idNumber?: string;
  @IsLocalDate() birthDate: string;
  @IsOptional() @IsString() @MaxLength(10) gender?: string;
  @IsBoolean() detained: boolean;
  @IsOptional() @IsString() @MaxLength(300) detentionPlace?: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string;
  @IsOptional() @Matches(PHONE, { message: 'must be a phone number' }) phone?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(DISABILITIES.length) @IsIn(DISABILITIES, { each: true }) disabilities?: Disability[];
  @IsOptional() @IsBoolean() hasRetainedCounsel?: boolean;
  @IsOptional() @IsBoolean() refusedAid?: boolean;
}

/** 审判人员姓名和联系方式: both may be missing (listed in missingFields, Art 7). */
export class NoticeJudgeDto {
  @IsOptional() @IsString() @MaxLength(100) name?: string;
  @IsOptional() @Matches(PHONE, { message: 'must be a phone number' }) phone?: string;
}

/** POST /api/v1/court-notices: the 通知辩护函 (Art 4), field names as API.md. */
export class CourtNoticeDto {
  @IsString() @IsNotEmpty() @MaxLength(100) courtCaseNo: string;
  @IsString() @IsNotEmpty() @MaxLength(200) courtName: string;
  @IsUUID() stationId: string;
  @IsIn(PROCEDURES) procedure: Procedure;
  /** May be empty: then `charges` is listed in missingFields. */
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(200, { each: true }) charges: string[];
  @IsOptional() @IsIn(POSSIBLE_SENTENCES) possibleSentence?: PossibleSentence;
  @IsLocalDate() offenceDate: string;
  @IsObject() @ValidateNested() @Type(() => NoticeDefendantDto) defendant: NoticeDefendantDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => NoticeJudgeDto) judge?: NoticeJudgeDto;
  @IsOptional() @IsInstant() trialAt?: string;
  @IsOptional() @IsString() @MaxLength(300) trialPlace?: string;
  @IsOptional() @IsBoolean() indictmentAttached?: boolean;
  @IsOptional() @IsInstant() receivedAt?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  relatedCaseNos?: string[];
  /** Extensions (Legal Aid Law 2021 Art 25): 缺席审判 and 死刑复核 make defence mandatory. */
  @IsOptional() @IsBoolean() trialInAbsentia?: boolean;
  @IsOptional() @IsBoolean() deathPenaltyReview?: boolean;
  /** LAL Art 25(7): a mandatory ground another law provides, recorded in the court's words. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500) otherMandatoryGround?: string;
}

/**
 * PATCH /api/v1/cases/:id/notice: what the court supplies later (Art 7). Only the Art 4
 * items; identity fields (case number, defendant's name and birth date) are not changed here.
 */
export class NoticeSupplementDto {
  /** CPL Art 221, 226: the court converts a simplified or fast-track trial; the case re-routes. */
  @IsOptional() @IsIn(PROCEDURES) procedure?: Procedure;
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @IsNotEmpty({ each: true }) charges?: string[];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => NoticeJudgeDto) judge?: NoticeJudgeDto;
  @IsOptional() @IsInstant() trialAt?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) trialPlace?: string;
  @IsOptional() @IsBoolean() indictmentAttached?: boolean;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) detentionPlace?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) address?: string;
  @IsOptional() @Matches(PHONE, { message: 'must be a phone number' }) phone?: string;
}
