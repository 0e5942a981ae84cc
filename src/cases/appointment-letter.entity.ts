import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, LocalDateColumn, RefColumn } from '../database/columns';

/**
 * A 法律援助公函 as issued: one per appointment, numbered once. A second download prints the
 * same number and date; a re-appointment is a new assignment and gets the next number.
 */
@Entity('appointment_letters')
export class AppointmentLetterRecord {
  @IdColumn() id: string;
  @RefColumn() assignmentId: string;
  @RefColumn() caseId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'integer' }) serial: number;
  @Column({ type: 'varchar', length: 100 }) letterNo: string;
  @LocalDateColumn() issuedOn: string;
  @InstantColumn() issuedAt: string;
}
