import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { ApiFileAnswer } from '../common/api-file-answer';
import { attachmentDisposition } from '../common/content-disposition';
import { IdParam } from '../common/id-param';
import { DutyLogService } from './duty-log.service';
import {
  CreateHelpRecordDto,
  DateRangeDto,
  DutyBackfillDto,
  DutyCorrectionDto,
  LedgerQueryDto,
  LedgerRangeDto,
  SignOffDto,
  StationQueryDto,
  UpdateHelpRecordDto,
} from './dto/ledger.dto';
import { HelpRecordsService } from './help-records.service';
import { LawyerShiftsService } from './lawyer-shifts.service';
import { LedgerService } from './ledger.service';
import { SignOffService } from './sign-off.service';

const text: SchemaObject = { type: 'string' };
/** `format=json`: the station and period, then `dutyRecords` and `helpRecords` (one of them with `part`). */
const LEDGER_JSON: SchemaObject = {
  type: 'object',
  required: ['stationId', 'stationName', 'courtName', 'timezone', 'from', 'to'],
  properties: {
    stationId: text,
    stationName: text,
    courtName: text,
    timezone: text,
    from: text,
    to: text,
    dutyRecords: { type: 'array', items: { $ref: getSchemaPath('DutyRecordView') } },
    helpRecords: { type: 'array', items: { $ref: getSchemaPath('HelpRecordView') } },
  },
};

/** Check-in / check-out on a shift, by the lawyer who holds it (Art 2). */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/v1')
export class DutyLogController {
  constructor(private readonly duty: DutyLogService) {}

  @Post('shifts/:id/check-in')
  @Roles('lawyer')
  checkIn(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.duty.checkIn(id, actor);
  }

  @Post('shifts/:id/check-out')
  @Roles('lawyer')
  checkOut(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.duty.checkOut(id, actor);
  }

  /** The dispatcher records a check-in or check-out the lawyer could not. */
  @Post('shifts/:id/duty-log')
  @Roles('dispatcher')
  backfill(@Param('id', IdParam) id: string, @Body() dto: DutyBackfillDto, @CurrentActor() actor: Actor) {
    return this.duty.backfill(id, dto, actor);
  }

  /** The dispatcher records the right time of a check-in or check-out; the original entry stays. */
  @Post('duty-log/:id/corrections')
  @Roles('dispatcher')
  correct(@Param('id', IdParam) id: string, @Body() dto: DutyCorrectionDto, @CurrentActor() actor: Actor) {
    return this.duty.correct(id, dto, actor);
  }
}

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/v1/help-records')
@Roles('lawyer')
export class HelpRecordsController {
  constructor(private readonly help: HelpRecordsService) {}

  @Post()
  create(@Body() dto: CreateHelpRecordDto, @CurrentActor() actor: Actor) {
    return this.help.create(dto, actor);
  }

  /** Only before the day is signed off (409 DAY_SIGNED_OFF after: post a correction instead). */
  @Patch(':id')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateHelpRecordDto, @CurrentActor() actor: Actor) {
    return this.help.update(id, dto, actor);
  }
}

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/v1/ledger')
@Roles('dispatcher', 'supervisor', 'lawyer')
export class LedgerController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly signOff: SignOffService,
  ) {}

  /** The station's duty and help records over local dates `from`..`to`, streamed as JSON, CSV (UTF-8 BOM) or XLSX. */
  @Get()
  @ApiFileAnswer('The ledger as JSON, CSV (`part`: help or duty) or XLSX (both sheets)', {
    'application/json': LEDGER_JSON,
    'text/csv': 'text',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'binary',
  })
  async export(@Query() q: LedgerQueryDto, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const download = await this.ledger.export(q, actor);
    res.status(200).setHeader('Content-Type', download.contentType);
    if (download.fileName) res.setHeader('Content-Disposition', attachmentDisposition(download.fileName.name, download.fileName.fallback));
    res.setHeader('Cache-Control', 'no-store');
    try {
      await download.write(res);
    } catch (err) {
      // A failure after the first byte aborts the download rather than ending it short.
      if (!res.headersSent) throw err;
      res.destroy(err as Error);
    }
  }

  /** Every published shift with its check-in, check-out and attendance (late, missing…). */
  @Get('attendance')
  @Roles('dispatcher', 'supervisor')
  attendance(@Query() q: LedgerRangeDto, @CurrentActor() actor: Actor) {
    return this.ledger.attendance(q, actor);
  }

  /** duty_lawyer_help cases of the station without a help record yet: for the lawyer on shift and the dispatcher. */
  @Get('pending-help')
  pendingHelp(@Query() q: StationQueryDto, @CurrentActor() actor: Actor) {
    return this.ledger.pendingHelp(q.stationId, actor);
  }

  @Get('sign-offs')
  signOffs(@Query() q: LedgerRangeDto, @CurrentActor() actor: Actor) {
    return this.ledger.signOffs(q, actor);
  }

  @Post('sign-offs')
  @Roles('lawyer')
  sign(@Body() dto: SignOffDto, @CurrentActor() actor: Actor) {
    return this.signOff.signOff(dto, actor);
  }
}

/** 我的值班: a lawyer's own shifts with their check-in/out (another lawyer's id → 403); staff read anyone's. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/v1/lawyers/:id/shifts')
@Roles('lawyer', 'dispatcher', 'supervisor')
export class LawyerShiftsController {
  constructor(private readonly shifts: LawyerShiftsService) {}

  @Get()
  list(@Param('id', IdParam) id: string, @Query() q: DateRangeDto, @CurrentActor() actor: Actor) {
    return this.shifts.list(id, q, actor);
  }
}
