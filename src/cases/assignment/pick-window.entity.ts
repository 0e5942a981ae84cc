import { Entity, PrimaryColumn } from 'typeorm';
import { LocalDateColumn } from '../../database/columns';

/** One row ('rolling'): the first local date `lawyers.window_count` counts from; null = not built. */
@Entity('pick_window')
export class PickWindowState {
  @PrimaryColumn({ type: 'varchar', length: 40 }) name: string;
  @LocalDateColumn({ nullable: true }) countsFrom: string | null;
}
