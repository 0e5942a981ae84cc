import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, LocalDateColumn, RefColumn } from '../database/columns';

export const ROSTER_STATUSES = ['draft', 'published'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/** Fairness of a roster: shift counts per lawyer, earlier published shifts included (rule 10). */
export interface Fairness {
  min: number;
  max: number;
  perLawyer: Record<string, number>;
}

export interface RosterWarning {
  code: string;
  message: string;
  date?: string;
  lawyerId?: string;
}

/** 排班表: the shifts of one station over a period, draft → published. */
@Entity('rosters')
export class Roster {
  @IdColumn() id: string;
  @RefColumn() stationId: string;
  @LocalDateColumn({ name: 'from_date' }) from: string;
  @LocalDateColumn({ name: 'to_date' }) to: string;
  @Column({ type: 'varchar', length: 10 }) status: RosterStatus;
  @JsonColumn() fairness: Fairness;
  @JsonColumn() warnings: RosterWarning[];
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) publishedAt: string | null;
}
