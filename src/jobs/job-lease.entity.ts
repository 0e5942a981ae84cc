import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** Who runs a scheduled job right now, and until when the claim holds if that instance dies. */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) holder: string | null;
  @InstantColumn() leaseUntil: string;
}
