import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Assignment } from '../assignment/assignment.entity';
import { AssignmentService } from '../assignment/assignment.service';
import { CandidatePool } from '../assignment/candidate-pool';
import { AppointmentLetterService } from './appointment-letter.service';
import { Case, CaseLink } from './case.entity';
import { CASE_EVENTS, NoopCaseEvents } from './case-events';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CaseViewsService } from './case-views.service';
import { CasesController } from './cases.controller';
import { CourtNoticesController } from './court-notices.controller';
import { CourtNoticesService } from './court-notices.service';
import { Hearing } from './hearing.entity';
import { HearingsService } from './hearings.service';
import { Objection } from './objection.entity';
import { ObjectionsService } from './objections.service';
import { Refusal } from './refusal.entity';
import { WorkdaysModule } from '../workdays/workdays.module';

/**
 * Court notices, cases and their life, and the pick (src/assignment): one Nest module
 * because the pick and the case state change in one transaction. CASE_EVENTS is the
 * seam the notifications module plugs into; periods use the workdays module's calendar (data + overrides).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseLink, Assignment, Hearing, Refusal, Objection]), WorkdaysModule],
  controllers: [CourtNoticesController, CasesController],
  providers: [
    CourtNoticesService,
    CaseViewsService,
    CaseLifecycleService,
    HearingsService,
    ObjectionsService,
    AppointmentLetterService,
    AssignmentService,
    CandidatePool,
    { provide: CASE_EVENTS, useClass: NoopCaseEvents },
  ],
  exports: [CaseViewsService, AssignmentService, CASE_EVENTS],
})
export class CasesModule {}
