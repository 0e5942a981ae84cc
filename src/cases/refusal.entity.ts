import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../database/columns';

/**
 * A defendant's refusal of the appointed lawyer (Art 5, 16). Justified → the lawyer is
 * excluded for this defendant; unjustified → recorded, the appointment stands.
 */
@Entity('refusals')
export class Refusal {
  @IdColumn() id: string;
  @RefColumn() caseId: string;
  @RefColumn({ nullable: true }) assignmentId: string | null;
  @RefColumn({ nullable: true }) lawyerId: string | null;
  @Column({ type: 'boolean' }) justified: boolean;
  @Column({ type: 'varchar', length: 1000 }) reason: string;
  @RefColumn({ nullable: true }) recordedBy: string | null;
  @InstantColumn() recordedAt: string;
}
