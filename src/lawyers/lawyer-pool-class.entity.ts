import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many lawyers there are by status and juvenile-case experience: the pick counts the
 * pool from these four rows instead of visiting every lawyer (src/cases/assignment/candidate-pool.ts).
 * Kept by the statements that add lawyers or change those columns (src/lawyers/lawyer-classes.ts).
 */
@Entity('lawyer_pool_classes')
export class LawyerPoolClass {
  /** Active and not suspended. */
  @PrimaryColumn({ type: 'boolean' }) appointable: boolean;
  @PrimaryColumn({ type: 'boolean' }) juvenileExperience: boolean;
  @Column({ type: 'integer', default: 0 }) lawyers: number;
}
