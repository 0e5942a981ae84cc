import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Station, StationMember } from '../stations/station.entity';
import { Lawyer } from './lawyer.entity';
import { LawyersController } from './lawyers.controller';
import { LawyersService } from './lawyers.service';
import { Unavailability } from './unavailability.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Lawyer, Unavailability, Station, StationMember])],
  controllers: [LawyersController],
  providers: [LawyersService],
  exports: [LawyersService],
})
export class LawyersModule {}
