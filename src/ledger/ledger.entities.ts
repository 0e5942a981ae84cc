import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, LocalDateColumn, RefColumn } from '../database/columns';
import type { DutyLogKind } from './domain/duty-rules';
import type { HelpType } from './domain/help-types';

/**
 * 值班记录: one check-in, check-out or correction on a shift. Never updated, never deleted;
 * a correction is a new row naming the entry it corrects (`correctsId`) with the right time.
 * `id` is a sortableId, so id order is recording order.
 */
@Entity('duty_log')
export class DutyLogEntry {
  @IdColumn() id: string;
  @RefColumn() shiftId: string;
  @RefColumn() stationId: string;
  @RefColumn() lawyerId: string;
  /** The shift's local date. */
  @LocalDateColumn() date: string;
  @Column({ type: 'varchar', length: 12 }) kind: DutyLogKind;
  /** When the lawyer arrived or left (for a correction: the corrected time). */
  @InstantColumn() at: string;
  @RefColumn({ nullable: true }) correctsId: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  /** The user who recorded it: the lawyer, or the dispatcher for a correction. */
  @RefColumn() recordedBy: string;
  @InstantColumn() recordedAt: string;
}

/** 法律帮助记录: one consultation a duty lawyer gave (Art 2). Editable until the day is signed off; then append-only. */
@Entity('help_records')
export class HelpRecord {
  @IdColumn() id: string;
  @RefColumn() shiftId: string;
  @RefColumn() stationId: string;
  @RefColumn() lawyerId: string;
  @LocalDateColumn() date: string;
  @RefColumn({ nullable: true }) caseId: string | null;
  @Column({ type: 'varchar', length: 100 }) courtCaseNo: string;
  @Column({ type: 'varchar', length: 100 }) defendantName: string;
  @Column({ type: 'varchar', length: 30 }) helpType: HelpType;
  @Column({ type: 'text' }) summary: string;
  @InstantColumn() startedAt: string;
  @InstantColumn() endedAt: string;
  @RefColumn({ nullable: true }) correctsId: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) correctionReason: string | null;
  /** Recorded after the lawyer signed the day off: visible as a later addition, like a note below a signature. */
  @Column({ type: 'boolean', default: false }) afterSignOff: boolean;
  @RefColumn() createdBy: string;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

/** A lawyer's signature under one day of the ledger at one station. */
@Entity('ledger_signoffs')
export class LedgerSignOff {
  @IdColumn() id: string;
  @RefColumn() lawyerId: string;
  @RefColumn() stationId: string;
  @LocalDateColumn() date: string;
  @InstantColumn() signedAt: string;
  @RefColumn() signedBy: string;
}
