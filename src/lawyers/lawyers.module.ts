import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Lawyer } from './lawyer.entity';
import { LawyerPoolClass } from './lawyer-pool-class.entity';
import { LawyersController } from './lawyers.controller';
import { LawyersQuery } from './lawyers.query';
import { LawyersService } from './lawyers.service';
import { Unavailability } from './unavailability.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Lawyer, LawyerPoolClass, Unavailability])],
  controllers: [LawyersController],
  providers: [LawyersService, LawyersQuery],
  exports: [LawyersService, LawyersQuery],
})
export class LawyersModule {}
