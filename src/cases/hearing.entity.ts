import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../database/columns';

export const HEARING_KINDS = ['pretrial_meeting', 'trial', 'verdict', 'postponed', 'suspended'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

/** 庭前会议 / 庭审 / 宣判 and the court's 延期审理 / 中止审理 decisions (Art 11). */
@Entity('hearings')
export class Hearing {
  @IdColumn() id: string;
  @RefColumn() caseId: string;
  @Column({ type: 'varchar', length: 20 }) kind: HearingKind;
  /** Null for a postponement or suspension without a new date. */
  @InstantColumn({ nullable: true }) at: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) place: string | null;
  /** When the court told the centre (and so the lawyer): the Art 11 three-day check. */
  @InstantColumn() toldAt: string;
  @Column({ type: 'boolean', default: false }) shortNotice: boolean;
  /** iCalendar SEQUENCE: bumped on every change so subscribed calendars update the event. */
  @Column({ type: 'integer', default: 0 }) sequence: number;
  @Column({ type: 'boolean', default: false }) cancelled: boolean;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}
