import { Module } from '@nestjs/common';
import { StationsModule } from '../stations/stations.module';
import { ReceptionController } from './reception.controller';

@Module({
  imports: [StationsModule],
  controllers: [ReceptionController],
})
export class ReceptionModule {}
