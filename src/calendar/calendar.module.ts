import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Assignment } from '../cases/assignment/assignment.entity';
import { Case } from '../cases/case.entity';
import { FileReadingRequest } from '../cases/file-reading-request.entity';
import { Hearing } from '../cases/hearing.entity';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Station } from '../stations/station.entity';
import { StationsModule } from '../stations/stations.module';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarToken } from './calendar-token.entity';
import { CalendarTokensController } from './calendar-tokens.controller';
import { CalendarTokensService } from './calendar-tokens.service';
import { FeedStateQuery } from './feed-state.query';

/** Calendar feeds lawyers and court staff subscribe to (read-only over stations and cases). */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarToken, Station, Lawyer, Assignment, Case, Hearing, FileReadingRequest]), StationsModule],
  controllers: [CalendarTokensController, CalendarFeedsController],
  providers: [CalendarTokensService, CalendarFeedsService, FeedStateQuery],
})
export class CalendarModule {}
