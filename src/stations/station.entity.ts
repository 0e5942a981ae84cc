import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn } from '../database/columns';

export interface ShiftTemplate {
  name: string;
  /** Local wall-clock `HH:mm` in the station's time zone. */
  start: string;
  end: string;
}

/** 值班点: the duty desk a legal aid center runs inside a court (工作要求 4). */
@Entity('stations')
export class Station {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 200 }) courtName: string;
  @Column({ type: 'varchar', length: 60 }) timezone: string;
  @JsonColumn() shiftTemplates: ShiftTemplate[];
  @Column({ type: 'boolean', default: true }) workdaysOnly: boolean;
  @Column({ type: 'varchar', length: 40 }) fallbackPhone: string;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

/** A lawyer serving a station's duty desk (the lawyer's `dutyStationIds`). */
@Entity('station_members')
export class StationMember {
  @PrimaryColumn({ type: 'varchar', length: 36 }) stationId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) lawyerId: string;
}
