import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { AuditSearch } from './audit-search';
import { MAX_OFFSET } from '../common/validation';

export class AuditQuery {
  @IsOptional() @IsString() @MaxLength(40) entity?: string;
  @IsOptional() @IsString() @MaxLength(36) id?: string;
  /** The user who acted (a user id, as `GET /api/v1/audit/actors` lists them). */
  @IsOptional() @IsString() @MaxLength(36) actorId?: string;
  @IsOptional() @IsString() @MaxLength(60) action?: string;
  /** `asc` (default, oldest first) or `desc` (newest first). */
  @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'asc';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 200;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset = 0;
}

/** The audit trail: the dispatchers' and the bureau's to read (console route /audit), never to change. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
@Roles('supervisor', 'dispatcher')
export class AuditController {
  constructor(private readonly audit: AuditSearch) {}

  /**
   * The entries matching every filter given, times in the court's zone, each with `actorName`;
   * the total before limit/offset is in `X-Total-Count`.
   */
  @Get()
  async list(@Query() q: AuditQuery, @Res({ passthrough: true }) res: Response) {
    const { items, total } = await this.audit.search(q);
    res.setHeader('X-Total-Count', String(total));
    return items;
  }

  /** Everyone who appears in the trail as an actor: `{id, name, role}` by name. */
  @Get('actors')
  actors() {
    return this.audit.actors();
  }
}
