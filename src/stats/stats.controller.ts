import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { ApiFileAnswer } from '../common/api-file-answer';
import { attachmentDisposition } from '../common/content-disposition';
import { StatsExportDto } from './dto/export.dto';
import { StatsPeriodDto } from './dto/period.dto';
import { StatsExport } from './stats-export';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/v1/stats')
@Roles('supervisor', 'dispatcher')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly exports: StatsExport,
  ) {}

  @Get('coverage')
  coverage(@Query() q: StatsPeriodDto) {
    return this.stats.coverage(q);
  }

  /** The coverage rate (辩护率) per month of receipt, overall and per route (Art 2). */
  @Get('coverage/monthly')
  coverageByMonth(@Query() q: StatsPeriodDto) {
    return this.stats.coverageByMonth(q);
  }

  /** Art 6 (appointment within 3 days) and Art 12 (file reading within 7 days) per month. */
  @Get('deadlines')
  deadlines(@Query() q: StatsPeriodDto) {
    return this.stats.deadlines(q);
  }

  /** Distribution, Gini and top-10 % share of appointments (rule 4) and of duty shifts (rule 10). */
  @Get('fairness')
  fairness(@Query() q: StatsPeriodDto) {
    return this.stats.fairness(q);
  }

  /** Art 18 objections per month and their outcomes. */
  @Get('objections')
  objections(@Query() q: StatsPeriodDto) {
    return this.stats.objections(q);
  }

  @Get('workload')
  workload(@Query() q: StatsPeriodDto) {
    return this.stats.workload(q);
  }

  /** One dashboard table as CSV (UTF-8 BOM) or XLSX, the rows the screen shows. */
  @Get('export')
  @ApiFileAnswer('The table as CSV (UTF-8 with BOM) or XLSX (`?format=`)', {
    'text/csv': 'text',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'binary',
  })
  async export(@Query() q: StatsExportDto, @Res() res: Response): Promise<void> {
    const file = await this.exports.file(q);
    res
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader('Content-Disposition', attachmentDisposition(file.fileName, file.asciiName))
      .setHeader('Cache-Control', 'no-store')
      .send(file.body);
  }
}
