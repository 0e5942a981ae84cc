import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../database/columns';

/**
 * A lawyer's secret feed URL token. Only its sha256 is kept; issuing a new one revokes the
 * old (at most one live row per lawyer, enforced by a partial unique index).
 */
@Entity('calendar_tokens')
export class CalendarToken {
  @IdColumn() id: string;
  @RefColumn() lawyerId: string;
  @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @InstantColumn() createdAt: string;
  @RefColumn({ nullable: true }) createdBy: string | null;
  @InstantColumn({ nullable: true }) revokedAt: string | null;
}
