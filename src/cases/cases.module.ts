import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Assignment } from '../assignment/assignment.entity';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Unavailability } from '../lawyers/unavailability.entity';
import { Station } from '../stations/station.entity';
import { Case, CaseLink } from './case.entity';
import { Hearing } from './hearing.entity';
import { Objection } from './objection.entity';
import { Refusal } from './refusal.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseLink, Assignment, Hearing, Refusal, Objection, Lawyer, Unavailability, Station])],
})
export class CasesModule {}
