import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkdayArrangement } from './workday-arrangement.entity';
import { WorkdayOverride } from './workday-override.entity';
import { WorkdaysController } from './workdays.controller';
import { WorkdaysService } from './workdays.service';

@Module({
  imports: [TypeOrmModule.forFeature([WorkdayOverride, WorkdayArrangement])],
  controllers: [WorkdaysController],
  providers: [WorkdaysService],
  exports: [WorkdaysService],
})
export class WorkdaysModule {}
