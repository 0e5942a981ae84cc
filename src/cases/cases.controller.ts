import { Body, Controller, Get, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { ApiFileAnswer } from '../common/api-file-answer';
import { IdParam } from '../common/id-param';
import { AssignmentService } from './assignment/assignment.service';
import { attachmentDisposition } from '../common/content-disposition';
import { AppointmentLetterService, LETTER_TYPES } from './appointment-letter.service';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CaseViewsService } from './case-views.service';
import {
  AssignDto,
  CaseQueryDto,
  LetterQueryDto,
  CloseDto,
  HearingDto,
  HearingUpdateDto,
  ObjectionDecisionDto,
  ObjectionDto,
  ObjectionQueryDto,
  RefusalDto,
  TerminateDto,
} from './dto/case-actions.dto';
import { HearingsService } from './hearings.service';
import { ObjectionsService } from './objections.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1')
@Roles('dispatcher')
export class CasesController {
  constructor(
    private readonly views: CaseViewsService,
    private readonly assignments: AssignmentService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly hearings: HearingsService,
    private readonly objections: ObjectionsService,
    private readonly letters: AppointmentLetterService,
  ) {}

  /** The array of cases; the total before limit/offset is in `X-Total-Count`. A clerk's: their court's cases. */
  @Get('cases')
  @Roles('dispatcher', 'supervisor', 'lawyer', 'court_clerk')
  @ApiErrors('CLERK_WITHOUT_COURT')
  async list(@Query() q: CaseQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const { items, total } = await this.views.list(q, actor);
    res.setHeader('X-Total-Count', String(total));
    return items;
  }

  /** A lawyer reads only a case they were appointed to, a clerk only their court's (another's → 404). */
  @Get('cases/:id')
  @Roles('dispatcher', 'supervisor', 'lawyer', 'court_clerk')
  @ApiErrors('CASE_NOT_FOUND', 'CLERK_WITHOUT_COURT')
  get(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.views.get(id, actor);
  }

  /** The pick (no body) or a manual override (`lawyerId` + `reason`). */
  @Post('cases/:id/assign')
  @ApiErrors(
    'CASE_NOT_FOUND',
    'NOT_APPOINTED_DEFENCE',
    'NO_ELIGIBLE_LAWYER',
    'CASE_ALREADY_ASSIGNED',
    'AT_CAPACITY',
    'OVERRIDE_NOT_ALLOWED',
    'OFFER_TOO_LATE',
    'ASSIGNMENT_RACE_LOST',
    'CASE_CHANGED',
    'INVALID_TRANSITION',
  )
  assign(@Param('id', IdParam) id: string, @Body() dto: AssignDto, @CurrentActor() actor: Actor) {
    return this.assignments.assign(id, dto, actor);
  }

  /** A lawyer downloads only the letter naming them, while the appointment lasts (else 404). */
  @Get('cases/:id/appointment-letter')
  @Roles('dispatcher', 'court_clerk', 'lawyer')
  @ApiFileAnswer('法律援助公函 (the appointment letter) as DOCX or PDF (`?format=`)', {
    [LETTER_TYPES.docx]: 'binary',
    [LETTER_TYPES.pdf]: 'binary',
  })
  @ApiErrors('CASE_NOT_FOUND', 'DUTY_LAWYER_HELP', 'NO_ACTIVE_ASSIGNMENT', 'LEGAL_AID_CENTER_NOT_CONFIGURED', 'LETTER_PDF_FONT_MISSING')
  async letter(
    @Param('id', IdParam) id: string,
    @Query() q: LetterQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { fileName, asciiName, type, body } = await this.letters.build(id, q.format, actor);
    res.setHeader('Content-Disposition', attachmentDisposition(fileName, asciiName));
    return new StreamableFile(body, { type });
  }

  @Post('cases/:id/refusal')
  @Roles('dispatcher', 'court_clerk', 'lawyer')
  @ApiErrors('CASE_NOT_FOUND', 'NO_ACTIVE_ASSIGNMENT', 'CASE_CHANGED', 'INVALID_TRANSITION')
  refuse(@Param('id', IdParam) id: string, @Body() dto: RefusalDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.refuse(id, dto, actor);
  }

  @Post('cases/:id/terminate')
  @ApiErrors('CASE_NOT_FOUND', 'CASE_CHANGED', 'INVALID_TRANSITION')
  terminate(@Param('id', IdParam) id: string, @Body() dto: TerminateDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.terminate(id, dto, actor);
  }

  @Post('cases/:id/close')
  @ApiErrors('CASE_NOT_FOUND', 'CASE_CHANGED', 'INVALID_TRANSITION')
  close(@Param('id', IdParam) id: string, @Body() dto: CloseDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.close(id, dto, actor);
  }

  @Post('cases/:id/hearings')
  @Roles('dispatcher', 'court_clerk')
  @ApiErrors('CASE_NOT_FOUND', 'CASE_ENDED')
  addHearing(@Param('id', IdParam) id: string, @Body() dto: HearingDto, @CurrentActor() actor: Actor) {
    return this.hearings.add(id, dto, actor);
  }

  @Patch('hearings/:id')
  @Roles('dispatcher', 'court_clerk')
  @ApiErrors('HEARING_NOT_FOUND', 'CASE_NOT_FOUND', 'CASE_ENDED')
  updateHearing(@Param('id', IdParam) id: string, @Body() dto: HearingUpdateDto, @CurrentActor() actor: Actor) {
    return this.hearings.update(id, dto, actor);
  }

  /** Art 18: the defendant's objection to a refusal or termination of aid. */
  @Post('cases/:id/objections')
  @Roles('dispatcher', 'supervisor')
  @ApiErrors('CASE_NOT_FOUND', 'NO_DECISION_TO_OBJECT')
  fileObjection(@Param('id', IdParam) id: string, @Body() dto: ObjectionDto, @CurrentActor() actor: Actor) {
    return this.objections.file(id, dto, actor);
  }

  @Get('objections')
  @Roles('dispatcher', 'supervisor')
  listObjections(@Query() q: ObjectionQueryDto) {
    return this.objections.list(q);
  }

  @Post('objections/:id/decision')
  @Roles('supervisor')
  @ApiErrors('OBJECTION_NOT_FOUND', 'OBJECTION_DECIDED', 'CASE_NOT_FOUND', 'CASE_CHANGED')
  decideObjection(@Param('id', IdParam) id: string, @Body() dto: ObjectionDecisionDto, @CurrentActor() actor: Actor) {
    return this.objections.decide(id, dto, actor);
  }
}
