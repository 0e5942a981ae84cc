import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, LocalDateColumn, RefColumn } from '../database/columns';

/** 请假/不可用: no shift and no appointment from `from` to `to`, both included. */
@Entity('lawyer_unavailability')
export class Unavailability {
  @IdColumn() id: string;
  @RefColumn() lawyerId: string;
  @LocalDateColumn({ name: 'from_date' }) from: string;
  @LocalDateColumn({ name: 'to_date' }) to: string;
  @Column({ type: 'varchar', length: 500 }) reason: string;
  @InstantColumn() createdAt: string;
}
