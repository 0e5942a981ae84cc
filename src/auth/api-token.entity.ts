import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../database/columns';

/** A bearer token of a user (integrations, scripts): sha256 only, the token is shown once. */
@Entity('api_tokens')
export class ApiToken {
  @IdColumn() id: string;
  @RefColumn() userId: string;
  @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @InstantColumn() createdAt: string;
  /** Updated at most once a minute per token (a write per request would be a write per read). */
  @InstantColumn({ nullable: true }) lastUsedAt: string | null;
  @InstantColumn({ nullable: true }) revokedAt: string | null;
}
