import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, JsonColumn } from '../database/columns';

@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 200 }) key: string;
  /** The endpoint (and caller) the key belongs to: one key may be reused on another endpoint. */
  @PrimaryColumn({ type: 'varchar', length: 60 }) scope: string;
  @Column({ type: 'varchar', length: 64 }) requestHash: string;
  @Column({ type: 'integer' }) statusCode: number;
  @JsonColumn() response: unknown;
  @InstantColumn() createdAt: string;
}
