import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '../common/access.decorators';
import { AuditService } from './audit.service';
import { MAX_OFFSET } from '../common/validation';

export class AuditQuery {
  @IsOptional() @IsString() @MaxLength(40) entity?: string;
  @IsOptional() @IsString() @MaxLength(36) id?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 200;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset = 0;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('supervisor')
  list(@Query() q: AuditQuery) {
    return this.audit.list(q);
  }
}
