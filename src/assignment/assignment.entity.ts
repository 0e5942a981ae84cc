import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, LocalDateColumn, RefColumn } from '../database/columns';
import type { PickExplanation, PoolSnapshot } from './domain/types';

/** `offered` → `active` (accepted) or `declined` / `expired` (issue 12 item 10); the rest end an appointment. */
export const ASSIGNMENT_STATUSES = ['active', 'refused', 'terminated', 'closed', 'replaced', 'offered', 'declined', 'expired'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** 指派: a lawyer appointed to a case, with the pick's explanation as it was at that moment. */
@Entity('assignments')
export class Assignment {
  @IdColumn() id: string;
  @RefColumn() caseId: string;
  @RefColumn() lawyerId: string;
  @Column({ type: 'varchar', length: 10 }) kind: 'pick' | 'manual';
  /** The dispatcher's reason for a manual override (required then). */
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason: string | null;
  /** The pick's explanation with the pool in numbers (`StoredExplanation`; rows from before algorithm v2 lack the numbers). */
  @JsonColumn() explanation: PickExplanation & Partial<PoolSnapshot>;
  @Column({ type: 'varchar', length: 12 }) status: AssignmentStatus;
  @InstantColumn() appointedAt: string;
  /** Art 12: contact the judge within 3 days, read the file and meet the defendant within 7. */
  @LocalDateColumn() contactJudgeBy: string;
  @LocalDateColumn() fileReviewBy: string;
  @RefColumn({ nullable: true }) appointedBy: string | null;
  @InstantColumn({ nullable: true }) endedAt: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) endReason: string | null;
  /** An offer: the lawyer answers by then (never past the Art 6 deadline); null for a direct appointment. */
  @InstantColumn({ nullable: true }) respondBy?: string | null;
}
