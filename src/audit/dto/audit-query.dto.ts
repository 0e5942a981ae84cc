import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_OFFSET } from '../../common/validation';

/** The filters of the audit trail's search (console route /audit). */
export class AuditQuery {
  @IsOptional() @IsString() @MaxLength(40) entity?: string;
  @IsOptional() @IsString() @MaxLength(36) id?: string;
  /** The user who acted (a user id, as `GET /api/v1/audit/actors` lists them). */
  @IsOptional() @IsString() @MaxLength(36) actorId?: string;
  @IsOptional() @IsString() @MaxLength(60) action?: string;
  /** `asc` (default, oldest first) or `desc` (newest first). */
  @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'asc';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 200;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset: number = 0;
}
