import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a calendar feed was built from, as a counter: one row per lawyer (`lawyer`, their id),
 * per station (`station`, its id), and two for everyone (`stations`, `lawyers`, id ''). Bumped
 * by the writers in the transaction of every change a feed shows (src/feed-versions/feed-versions.ts),
 * read by primary key for the feed's ETag (src/calendar/feed-state.query.ts). A missing row is version 0.
 */
@Entity('feed_versions')
export class FeedVersion {
  @PrimaryColumn({ type: 'varchar', length: 16 }) scope: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'integer', default: 0 }) version: number;
}
