import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, RefColumn } from '../database/columns';

/** Append-only: rows are inserted in the transaction of the change, never updated or deleted. */
@Entity('audit_log')
export class AuditEntry {
  @IdColumn() id: string;
  @InstantColumn() at: string;
  @RefColumn({ nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) actorRole: string | null;
  @Column({ type: 'varchar', length: 60 }) action: string;
  @Column({ type: 'varchar', length: 40 }) entity: string;
  @Column({ type: 'varchar', length: 36 }) entityId: string;
  @JsonColumn({ nullable: true }) summary: Record<string, unknown> | null;
}
