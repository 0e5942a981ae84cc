import { Column, Entity } from 'typeorm';
import type { Role } from '../common/actor';
import { IdColumn, InstantColumn, RefColumn } from '../database/columns';

@Entity('users')
export class User {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @RefColumn({ nullable: true }) lawyerId: string | null;
  /** A court clerk's court (the cases' `courtName`): the clerk reads and acts only on that court's cases. */
  @Column({ type: 'varchar', length: 200, nullable: true }) courtName: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @InstantColumn() createdAt: string;
  /** Login name for people; integrations without one sign in with API tokens only. */
  @Column({ type: 'varchar', length: 50, nullable: true }) username: string | null;
  /** argon2id (PHC string); never logged, never answered. */
  @Column({ type: 'varchar', length: 200, nullable: true }) passwordHash: string | null;
  /** Set by an admin's reset: the console sends the user to /password first. */
  @Column({ type: 'boolean', default: false }) mustChangePassword: boolean;
  @Column({ type: 'integer', default: 0 }) failedLogins: number;
  @InstantColumn({ nullable: true }) lockedUntil: string | null;
}
