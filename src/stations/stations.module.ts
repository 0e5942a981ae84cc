import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeedVersionsModule } from '../feed-versions/feed-versions.module';
import { LawyersModule } from '../lawyers/lawyers.module';
import { WorkdaysModule } from '../workdays/workdays.module';
import { OnDutyQuery } from './on-duty.query';
import { OnDutyService } from './on-duty.service';
import { ROSTER_EVENTS } from './roster-events';
import { RosterMailEvents } from './roster-mail-events';
import { RosterDetails } from './roster-details';
import { Roster } from './roster.entity';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';
import { Shift } from './shift.entity';
import { ShiftCandidatesService } from './shift-candidates.service';
import { ShiftReminders } from './shift-reminders';
import { StationMembersQuery } from './station-members.query';
import { ShiftsController } from './shifts.controller';
import { ShiftsQuery } from './shifts.query';
import { ShiftsService } from './shifts.service';
import { Station, StationMember } from './station.entity';
import { StationsController } from './stations.controller';
import { StationsService } from './stations.service';
import { SwapRequest } from './swap-request.entity';
import { SwapsService } from './swaps.service';

/**
 * Duty stations, rosters, shifts, swaps and "who is on duty". Roster changes and tomorrow's
 * shifts become mail through the global notifications module (ROSTER_EVENTS → RosterMailEvents,
 * ShiftReminders registered as the shift reminder source).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Station, StationMember, Roster, Shift, SwapRequest]),
    FeedVersionsModule,
    LawyersModule,
    WorkdaysModule,
  ],
  controllers: [StationsController, RostersController, ShiftsController],
  providers: [
    StationsService,
    RostersService,
    RosterDetails,
    ShiftCandidatesService,
    ShiftsService,
    SwapsService,
    OnDutyService,
    OnDutyQuery,
    ShiftsQuery,
    StationMembersQuery,
    ShiftReminders,
    { provide: ROSTER_EVENTS, useClass: RosterMailEvents },
  ],
  exports: [ShiftsQuery, OnDutyService, StationsService],
})
export class StationsModule {}
