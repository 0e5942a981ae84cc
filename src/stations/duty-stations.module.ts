import { Global, Module } from '@nestjs/common';
import { DutyStations } from '../lawyers/duty-stations';
import { StationDutyStations } from './station-duty-stations';

/** Gives the lawyers feature its view of the stations (DutyStations) without importing them. */
@Global()
@Module({
  providers: [{ provide: DutyStations, useClass: StationDutyStations }],
  exports: [DutyStations],
})
export class DutyStationsModule {}
