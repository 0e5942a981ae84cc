import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, RefColumn } from '../database/columns';

/**
 * An admin's correction of the official calendar for one date (e.g. a local court closure,
 * or a year the holiday data package does not cover yet). Wins over the package data.
 */
@Entity('workday_overrides')
export class WorkdayOverride {
  @PrimaryColumn({ type: 'varchar', length: 10 }) date: string;
  @Column({ type: 'boolean' }) workday: boolean;
  @Column({ type: 'varchar', length: 500 }) note: string;
  @InstantColumn() createdAt: string;
  @RefColumn({ nullable: true }) createdBy: string | null;
}
