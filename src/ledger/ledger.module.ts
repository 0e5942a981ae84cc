import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../auth/user.entity';
import { Case } from '../cases/case.entity';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Shift } from '../stations/shift.entity';
import { StationsModule } from '../stations/stations.module';
import { DutyLogService } from './duty-log.service';
import { HelpRecordsService } from './help-records.service';
import { LawyerShiftsService } from './lawyer-shifts.service';
import { LedgerAccess } from './ledger-access';
import { DutyLogController, HelpRecordsController, LawyerShiftsController, LedgerController } from './ledger.controller';
import { DutyLogEntry, HelpRecord, LedgerSignOff } from './ledger.entities';
import { LedgerReader } from './ledger-reader';
import { LedgerService } from './ledger.service';
import { SignOffService } from './sign-off.service';

/** 值班台账 (Art 2, DESIGN rule 11): duty log, help records, sign-off, reading and export. */
@Module({
  imports: [StationsModule, TypeOrmModule.forFeature([DutyLogEntry, HelpRecord, LedgerSignOff, Shift, Case, Lawyer, User])],
  controllers: [DutyLogController, HelpRecordsController, LedgerController, LawyerShiftsController],
  providers: [LedgerAccess, LedgerReader, LedgerService, DutyLogService, HelpRecordsService, SignOffService, LawyerShiftsService],
})
export class LedgerModule {}
