import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { LawyersModule } from '../lawyers/lawyers.module';
import { StationsModule } from '../stations/stations.module';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarToken } from './calendar-token.entity';
import { CalendarTokensController } from './calendar-tokens.controller';
import { CalendarTokensService } from './calendar-tokens.service';
import { FeedStateQuery } from './feed-state.query';

/** Calendar feeds lawyers and court staff subscribe to (read-only over stations and cases). */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarToken]), CasesModule, LawyersModule, StationsModule],
  controllers: [CalendarTokensController, CalendarFeedsController],
  providers: [CalendarTokensService, CalendarFeedsService, FeedStateQuery],
})
export class CalendarModule {}
