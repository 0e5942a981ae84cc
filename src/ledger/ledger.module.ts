import { CasesModule } from '../cases/cases.module';
import { LawyersModule } from '../lawyers/lawyers.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StationsModule } from '../stations/stations.module';
import { DutyLogService } from './duty-log.service';
import { HelpRecordsService } from './help-records.service';
import { LawyerShiftsService } from './lawyer-shifts.service';
import { LedgerAccess } from './ledger-access';
import { DutyLogController, HelpRecordsController, LawyerShiftsController, LedgerController } from './ledger.controller';
import { DutyLogEntry, HelpRecord, LedgerSignOff } from './ledger.entities';
import { LedgerPagesQuery } from './ledger-pages.query';
import { LedgerPeopleQuery } from './ledger-people.query';
import { LedgerReader } from './ledger-reader';
import { LedgerService } from './ledger.service';
import { SignOffService } from './sign-off.service';

/** 值班台账 (Art 2, DESIGN rule 11): duty log, help records, sign-off, reading and export. */
@Module({
  imports: [StationsModule, LawyersModule, CasesModule, TypeOrmModule.forFeature([DutyLogEntry, HelpRecord, LedgerSignOff])],
  controllers: [DutyLogController, HelpRecordsController, LedgerController, LawyerShiftsController],
  providers: [
    LedgerAccess,
    LedgerPagesQuery,
    LedgerPeopleQuery,
    LedgerReader,
    LedgerService,
    DutyLogService,
    HelpRecordsService,
    SignOffService,
    LawyerShiftsService,
  ],
})
export class LedgerModule {}
