import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, LocalDateColumn, RefColumn } from '../database/columns';

export const OBJECTION_OUTCOMES = ['upheld', 'aid_ordered'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/**
 * 异议 (Art 18): a defendant objects to a decision not to give (or to end) legal aid, within
 * 15 days of receiving it; the justice bureau reviews within 5 days: `upheld` keeps the
 * decision, `aid_ordered` orders the centre to give aid.
 */
@Entity('objections')
export class Objection {
  @IdColumn() id: string;
  @RefColumn() caseId: string;
  @LocalDateColumn() decisionReceivedOn: string;
  @LocalDateColumn() fileBy: string;
  @InstantColumn() filedAt: string;
  @LocalDateColumn() filedOn: string;
  /** Filed after fileBy: recorded, and the supervisor decides whether to hear it. */
  @Column({ type: 'boolean', default: false }) late: boolean;
  @Column({ type: 'varchar', length: 2000 }) grounds: string;
  @LocalDateColumn() reviewBy: string;
  @Column({ type: 'varchar', length: 20, default: 'pending' }) status: 'pending' | ObjectionOutcome;
  @Column({ type: 'varchar', length: 2000, nullable: true }) decisionNote: string | null;
  @RefColumn({ nullable: true }) decidedBy: string | null;
  @InstantColumn({ nullable: true }) decidedAt: string | null;
  @InstantColumn() createdAt: string;
}
