import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, LocalDateColumn, RefColumn } from '../database/columns';
import type { RosterStatus } from './roster.entity';

/**
 * 班次: one slot of a station's template on one local date, held by at most one lawyer.
 * `startsAt`/`endsAt` are the UTC instants of the local times in the station's zone, so
 * "who is on duty at t" is one indexed range lookup on (station_id, status, starts_at).
 */
@Entity('shifts')
export class Shift {
  @IdColumn() id: string;
  @RefColumn() rosterId: string;
  @RefColumn() stationId: string;
  @LocalDateColumn() date: string;
  @Column({ type: 'varchar', length: 100 }) templateName: string;
  /** Local wall-clock `HH:mm` in the station's time zone. */
  @Column({ type: 'varchar', length: 5 }) startTime: string;
  @Column({ type: 'varchar', length: 5 }) endTime: string;
  @InstantColumn() startsAt: string;
  @InstantColumn() endsAt: string;
  @RefColumn({ nullable: true }) lawyerId: string | null;
  @Column({ type: 'varchar', length: 10 }) status: RosterStatus;
  /** Bumped on every change of holder: the calendar feed's iCal SEQUENCE once published. */
  @Column({ type: 'integer', default: 0 }) sequence: number;
  @InstantColumn() updatedAt: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) unfilledReason: string | null;
}
