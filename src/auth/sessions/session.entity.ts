import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../../database/columns';

/** A console sign-in: the cookie holds a random secret, the table only its sha256. */
@Entity('sessions')
export class Session {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @RefColumn() userId: string;
  @InstantColumn() createdAt: string;
  @InstantColumn() lastSeenAt: string;
}
