import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Roster } from './roster.entity';
import { Shift } from './shift.entity';
import { ShiftsQuery } from './shifts.query';
import { Station, StationMember } from './station.entity';
import { SwapRequest } from './swap-request.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Station, StationMember, Roster, Shift, SwapRequest])],
  providers: [ShiftsQuery],
  exports: [ShiftsQuery],
})
export class StationsModule {}
