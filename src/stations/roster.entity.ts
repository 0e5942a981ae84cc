import { Column, Entity } from 'typeorm';
import type { RosterFairness } from './domain/roster-generator';
import { IdColumn, InstantColumn, JsonColumn, LocalDateColumn, RefColumn } from '../database/columns';

export const ROSTER_STATUSES = ['draft', 'published'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/** A generator warning (UNFILLED_SHIFT, CONSECUTIVE_DAYS…) or the calendar's CALENDAR_DATA_MISSING. */
export interface StoredWarning {
  code: string;
  message: string;
  date?: string;
  lawyerId?: string;
  years?: number[];
}

/** 排班表: the shifts of one station over a period, draft → published. */
@Entity('rosters')
export class Roster {
  @IdColumn() id: string;
  @RefColumn() stationId: string;
  @LocalDateColumn({ name: 'from_date' }) from: string;
  @LocalDateColumn({ name: 'to_date' }) to: string;
  @Column({ type: 'varchar', length: 10 }) status: RosterStatus;
  /** min/max over cumulative counts (history + this roster); perLawyer: this roster only. */
  @JsonColumn() fairness: RosterFairness;
  @JsonColumn() warnings: StoredWarning[];
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) publishedAt: string | null;
}
