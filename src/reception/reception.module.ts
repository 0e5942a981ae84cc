import { Module } from '@nestjs/common';
import { StationsModule } from '../stations/stations.module';
import { ReceptionController } from './reception.controller';
import { ReceptionPages } from './reception-pages';

@Module({
  imports: [StationsModule],
  controllers: [ReceptionController],
  providers: [ReceptionPages],
  exports: [ReceptionPages],
})
export class ReceptionModule {}
