import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { AuditSearch } from './audit-search';
import { AuditQuery } from './dto/audit-query.dto';

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
