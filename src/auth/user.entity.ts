import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn } from '../database/columns';

export const ROLES = ['admin', 'dispatcher', 'court_clerk', 'reception', 'lawyer', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
export class User {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @RefColumn({ nullable: true }) lawyerId: string | null;
  /** sha256 of the bearer token; the token itself is shown once and never stored. */
  @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @InstantColumn() createdAt: string;
}
