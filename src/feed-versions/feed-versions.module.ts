import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeedVersion } from './feed-version.entity';

/** The feeds' change counters (feed_versions): written through feedsChanged(), read by the calendar's FeedStateQuery. */
@Module({ imports: [TypeOrmModule.forFeature([FeedVersion])] })
export class FeedVersionsModule {}
