import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobLease } from './job-lease.entity';
import { JobLeaseService } from './job-lease.service';

/** Database leases for scheduled jobs, so several instances never run one job at once. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobLease])],
  providers: [JobLeaseService],
  exports: [JobLeaseService],
})
export class JobsModule {}
