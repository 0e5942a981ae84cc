import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeedVersion } from './feed-version.entity';
import { HotReadChanges } from './hot-read-changes';

/**
 * The feeds' change counters (feed_versions): written through feedsChanged(), read by the
 * calendar's FeedStateQuery; and HotReadChanges, which says when on-duty answers kept in memory go stale.
 */
@Module({ imports: [TypeOrmModule.forFeature([FeedVersion])], providers: [HotReadChanges], exports: [HotReadChanges] })
export class FeedVersionsModule {}
