import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Assignment } from './assignment/assignment.entity';
import { AssignmentService } from './assignment/assignment.service';
import { CandidatePool } from './assignment/candidate-pool';
import { PoolQuery } from './assignment/pool.query';
import { OffersController } from './assignment/offers.controller';
import { OffersService } from './assignment/offers.service';
import { PickWindow } from './assignment/pick-window';
import { AssignmentReplayController } from './assignment/assignment-replay.controller';
import { PickWindowState } from './assignment/pick-window.entity';
import { AppointmentLetterRecord } from './appointment-letter.entity';
import { AppointmentLetterService } from './appointment-letter.service';
import { Case, CaseLink } from './case.entity';
import { CaseDeadlineReminders } from './case-deadline-reminders';
import { CASE_EVENTS } from './case-events';
import { CaseMailEvents } from './case-mail-events';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CaseViewsService } from './case-views.service';
import { CasesController } from './cases.controller';
import { CasesQuery } from './cases.query';
import { CourtNoticesController } from './court-notices.controller';
import { CourtNoticesService } from './court-notices.service';
import { FileReadingAlerts } from './file-reading-alerts';
import { FileReadingController } from './file-reading.controller';
import { FileReadingRequest } from './file-reading-request.entity';
import { FileReadingService } from './file-reading.service';
import { Hearing } from './hearing.entity';
import { HearingsService } from './hearings.service';
import { Objection } from './objection.entity';
import { ObjectionsService } from './objections.service';
import { Refusal } from './refusal.entity';
import { LawyersModule } from '../lawyers/lawyers.module';
import { StationsModule } from '../stations/stations.module';
import { WorkdaysModule } from '../workdays/workdays.module';

/**
 * Court notices, cases and their life, and the pick (its sub-folder assignment/): one Nest module
 * because the pick and the case state change in one transaction. CASE_EVENTS turns case
 * events into mails (CaseMailEvents) and CaseDeadlineReminders feeds the Art 12 reminder job,
 * both through the global notifications module; periods use the workdays module's calendar (data + overrides).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Case,
      CaseLink,
      Assignment,
      Hearing,
      Refusal,
      Objection,
      AppointmentLetterRecord,
      FileReadingRequest,
      PickWindowState,
    ]),
    LawyersModule,
    StationsModule,
    WorkdaysModule,
  ],
  controllers: [CourtNoticesController, CasesController, FileReadingController, AssignmentReplayController, OffersController],
  providers: [
    CourtNoticesService,
    CaseViewsService,
    CaseLifecycleService,
    HearingsService,
    ObjectionsService,
    FileReadingService,
    AppointmentLetterService,
    AssignmentService,
    OffersService,
    CandidatePool,
    PoolQuery,
    PickWindow,
    CaseDeadlineReminders,
    FileReadingAlerts,
    CasesQuery,
    { provide: CASE_EVENTS, useClass: CaseMailEvents },
  ],
  exports: [CaseViewsService, AssignmentService, OffersService, CasesQuery, CASE_EVENTS],
})
export class CasesModule {}
