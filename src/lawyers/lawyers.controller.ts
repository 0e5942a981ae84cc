import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { IdParam } from '../common/id-param';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { DomainError } from '../common/errors';
import { CreateLawyerDto, LawyerQueryDto, UnavailabilityDto, UpdateLawyerDto } from './dto/lawyer.dto';
import { LawyersService } from './lawyers.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('lawyers')
@ApiBearerAuth()
@Controller('api/v1/lawyers')
@Roles('dispatcher')
export class LawyersController {
  constructor(private readonly lawyers: LawyersService) {}

  @Post()
  @ApiErrors('LICENSE_NO_TAKEN')
  create(@Body() dto: CreateLawyerDto, @CurrentActor() actor: Actor) {
    return this.lawyers.create(dto, actor);
  }

  /** The array of lawyers; the total before limit/offset is in `X-Total-Count`. */
  @Get()
  @Roles('dispatcher', 'supervisor')
  async list(@Query() q: LawyerQueryDto, @Res({ passthrough: true }) res: Response) {
    const { items, total } = await this.lawyers.list(q);
    res.setHeader('X-Total-Count', String(total));
    return items;
  }

  /** Body `text/csv` (UTF-8, BOM optional), header row with the API field names. */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'name,licenseNo,firm,phone,email,juvenileExperience,criminalPracticeSince,poolTier,weight,maxOpenCases\n',
    },
  })
  @ApiErrors('CSV_REQUIRED', 'LICENSE_NO_TAKEN')
  importCsv(@Body() body: unknown, @CurrentActor() actor: Actor) {
    if (typeof body !== 'string') {
      throw new DomainError('bad_request', 'CSV_REQUIRED', 'send the file as Content-Type: text/csv', [
        { field: 'body', reason: 'must be text/csv' },
      ]);
    }
    return this.lawyers.importCsv(body, actor);
  }

  @Get(':id')
  @Roles('dispatcher', 'supervisor')
  @ApiErrors('LAWYER_NOT_FOUND')
  get(@Param('id', IdParam) id: string) {
    return this.lawyers.get(id);
  }

  @Patch(':id')
  @ApiErrors('LAWYER_NOT_FOUND', 'LICENSE_NO_TAKEN')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateLawyerDto, @CurrentActor() actor: Actor) {
    return this.lawyers.update(id, dto, actor);
  }

  /** A lawyer reports their own leave (API.md v1.1); another lawyer's id → 403. */
  @Post(':id/unavailability')
  @Roles('dispatcher', 'lawyer')
  @ApiErrors('LAWYER_NOT_FOUND', 'NOT_OWN_LAWYER_ID')
  addUnavailability(@Param('id', IdParam) id: string, @Body() dto: UnavailabilityDto, @CurrentActor() actor: Actor) {
    return this.lawyers.addUnavailability(id, dto, actor);
  }

  @Get(':id/unavailability')
  @Roles('dispatcher', 'supervisor', 'lawyer')
  @ApiErrors('LAWYER_NOT_FOUND', 'NOT_OWN_LAWYER_ID')
  listUnavailability(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.lawyers.listUnavailability(id, actor);
  }

  @Delete(':id/unavailability/:entryId')
  @Roles('dispatcher', 'lawyer')
  @HttpCode(204)
  @ApiErrors('UNAVAILABILITY_NOT_FOUND', 'NOT_OWN_LAWYER_ID')
  async removeUnavailability(@Param('id', IdParam) id: string, @Param('entryId', IdParam) entryId: string, @CurrentActor() actor: Actor) {
    await this.lawyers.removeUnavailability(id, entryId, actor);
  }
}
