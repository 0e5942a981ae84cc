import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../database/columns';

export const SWAP_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];

/** A lawyer offers one of their published shifts to another member of the station. */
@Entity('swap_requests')
export class SwapRequest {
  @IdColumn() id: string;
  @RefColumn() shiftId: string;
  @RefColumn() fromLawyerId: string;
  @RefColumn() toLawyerId: string;
  @Column({ type: 'varchar', length: 10 }) status: SwapStatus;
  @InstantColumn() createdAt: string;
  @InstantColumn({ nullable: true }) decidedAt: string | null;
}
