import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn, RefColumn } from '../database/columns';
import type { FestivalSpan } from './domain/arrangement';

/** A year's State Council holiday arrangement as an admin entered it; replaces the package's data for that year. */
@Entity('workday_arrangements')
export class WorkdayArrangement {
  @PrimaryColumn({ type: 'integer' }) year: number;
  @JsonColumn() festivals: FestivalSpan[];
  @JsonColumn() workdays: string[];
  @InstantColumn() createdAt: string;
  @RefColumn({ nullable: true }) createdBy: string | null;
}
