import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, LocalDateColumn } from '../database/columns';

export const POOL_TIERS = ['core', 'reserve', 'none'] as const;
export type PoolTier = (typeof POOL_TIERS)[number];

@Entity('lawyers')
export class Lawyer {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  /** 执业证号: 17 digits, unique. */
  @Column({ type: 'varchar', length: 17 }) licenseNo: string;
  @Column({ type: 'varchar', length: 200 }) firm: string;
  @Column({ type: 'varchar', length: 40 }) phone: string;
  @Column({ type: 'varchar', length: 200 }) email: string;
  @Column({ type: 'boolean', default: false }) juvenileExperience: boolean;
  @LocalDateColumn() criminalPracticeSince: string;
  @Column({ type: 'varchar', length: 10 }) poolTier: PoolTier;
  @Column({ type: 'real', default: 1 }) weight: number;
  @Column({ type: 'integer', default: 10 }) maxOpenCases: number;
  /** Maintained by the assignment service in the assign/terminate transaction: capacity without counting. */
  @Column({ type: 'integer', default: 0 }) openCases: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) never on duty, e.g. a standing court date elsewhere: the roster treats them like leave. */
  @JsonColumn({ default: '[]' }) blockedWeekdays: number[];
  /** ISO weekdays the lawyer would rather serve on; the roster favours them while keeping the balance. */
  @JsonColumn({ default: '[]' }) preferredWeekdays: number[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'boolean', default: false }) suspended: boolean;
  @Column({ type: 'varchar', length: 500, nullable: true }) suspensionReason: string | null;
  @InstantColumn({ nullable: true }) lastAppointedAt: string | null;
  @InstantColumn() createdAt: string;
  // The pick's rank columns (src/lawyers/lawyer-rank.ts): never read into entities, so a
  // save of a loaded lawyer cannot write back a stale counter.
  /** Appointments in the rolling window: +1 by the claim, rolled daily (src/cases/assignment/pick-window.ts). */
  @Column({ type: 'integer', default: 0, select: false }) windowCount?: number;
  /** Index of poolTier in POOL_TIERS (core 0, reserve 1, none 2). */
  @Column({ type: 'integer', default: 2, select: false }) tierRank?: number;
  /** windowCount / weight, the score of DESIGN rule 4. */
  @Column({ type: 'double precision', default: 0, select: false }) rankScore?: number;
  /** `firmKey(firm)`: the same-firm rule in SQL. */
  @Column({ type: 'varchar', length: 200, default: '', select: false }) firmKey?: string;
  @InstantColumn() updatedAt: string;
}
