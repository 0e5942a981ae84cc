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
import { WORKDAY_LOOKUP, workdayLookupProvider } from './workday.provider';

/**
 * Court notices, cases and their life, and the pick (src/assignment): one Nest module
 * because the pick and the case state change in one transaction. CASE_EVENTS and
 * WORKDAY_LOOKUP are the two seams the notifications and workdays modules plug into.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseLink, Assignment, Hearing, Refusal, Objection])],
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
    workdayLookupProvider,
    { provide: CASE_EVENTS, useClass: NoopCaseEvents },
  ],
  exports: [CaseViewsService, AssignmentService, CASE_EVENTS, WORKDAY_LOOKUP],
})
export class CasesModule {}
