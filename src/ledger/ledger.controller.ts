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
import { ApiErrors } from '../common/api-errors';

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
  @ApiErrors('SHIFT_NOT_FOUND', 'NOT_SHIFT_HOLDER', 'SHIFT_NOT_STARTED', 'SHIFT_ENDED', 'ALREADY_CHECKED_IN')
  checkIn(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.duty.checkIn(id, actor);
  }

  @Post('shifts/:id/check-out')
  @Roles('lawyer')
  @ApiErrors('SHIFT_NOT_FOUND', 'NOT_SHIFT_HOLDER', 'ALREADY_CHECKED_OUT', 'NOT_CHECKED_IN')
  checkOut(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.duty.checkOut(id, actor);
  }

  /** The dispatcher records a check-in or check-out the lawyer could not. */
  @Post('shifts/:id/duty-log')
  @Roles('dispatcher')
  @ApiErrors('SHIFT_NOT_FOUND', 'SHIFT_UNFILLED', 'ALREADY_CHECKED_IN', 'ALREADY_CHECKED_OUT', 'NOT_CHECKED_IN')
  backfill(@Param('id', IdParam) id: string, @Body() dto: DutyBackfillDto, @CurrentActor() actor: Actor) {
    return this.duty.backfill(id, dto, actor);
  }

  /** The dispatcher records the right time of a check-in or check-out; the original entry stays. */
  @Post('duty-log/:id/corrections')
  @Roles('dispatcher')
  @ApiErrors('DUTY_LOG_ENTRY_NOT_FOUND', 'ALREADY_CORRECTED')
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
  @ApiErrors(
    'SHIFT_NOT_FOUND',
    'NOT_SHIFT_HOLDER',
    'SHIFT_NOT_STARTED',
    'DAY_SIGNED_OFF',
    'HELP_RECORD_NOT_FOUND',
    'NOT_RECORD_OWNER',
    'ALREADY_CORRECTED',
  )
  create(@Body() dto: CreateHelpRecordDto, @CurrentActor() actor: Actor) {
    return this.help.create(dto, actor);
  }

  /** Only before the day is signed off (409 DAY_SIGNED_OFF after: post a correction instead). */
  @Patch(':id')
  @ApiErrors('HELP_RECORD_NOT_FOUND', 'NOT_RECORD_OWNER', 'ALREADY_CORRECTED', 'DAY_SIGNED_OFF')
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
  @ApiErrors('STATION_NOT_FOUND')
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
  @ApiErrors('STATION_NOT_FOUND')
  attendance(@Query() q: LedgerRangeDto, @CurrentActor() actor: Actor) {
    return this.ledger.attendance(q, actor);
  }

  /** duty_lawyer_help cases of the station without a help record yet: for the lawyer on shift and the dispatcher. */
  @Get('pending-help')
  @ApiErrors('STATION_NOT_FOUND', 'NOT_ON_SHIFT')
  pendingHelp(@Query() q: StationQueryDto, @CurrentActor() actor: Actor) {
    return this.ledger.pendingHelp(q.stationId, actor);
  }

  @Get('sign-offs')
  @ApiErrors('STATION_NOT_FOUND')
  signOffs(@Query() q: LedgerRangeDto, @CurrentActor() actor: Actor) {
    return this.ledger.signOffs(q, actor);
  }

  @Post('sign-offs')
  @Roles('lawyer')
  @ApiErrors('STATION_NOT_FOUND', 'NOT_A_LAWYER', 'NOT_ON_SHIFT', 'DAY_NOT_OVER', 'SHIFT_STILL_OPEN', 'ALREADY_SIGNED_OFF')
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
  @ApiErrors('LAWYER_NOT_FOUND', 'NOT_OWN_LAWYER_ID')
  list(@Param('id', IdParam) id: string, @Query() q: DateRangeDto, @CurrentActor() actor: Actor) {
    return this.shifts.list(id, q, actor);
  }
}
