import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Assignment } from './assignment/assignment.entity';
import { Case } from './case.entity';
import { FileReadingRequest } from './file-reading-request.entity';
import { Hearing } from './hearing.entity';

/**
 * The reads other features make of the cases' tables (`cases`, `assignments`, `hearings`,
 * `file_reading_requests`), outside any transaction; the cases folder is their one writer.
 * Rows come back as entities (callers import the types only).
 */
@Injectable()
export class CasesQuery {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(Assignment) private readonly assignments: Repository<Assignment>,
    @InjectRepository(Hearing) private readonly hearings: Repository<Hearing>,
    @InjectRepository(FileReadingRequest) private readonly fileReadings: Repository<FileReadingRequest>,
  ) {}

  /** The cases with these ids (unknown ids are skipped), in no particular order. */
  casesByIds(ids: readonly string[]): Promise<Case[]> {
    return ids.length ? this.cases.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** The case with this id, or null. */
  caseById(id: string): Promise<Case | null> {
    return this.cases.findOneBy({ id });
  }

  /**
   * The station's duty_lawyer_help cases still waiting for their first help record (Art 2),
   * oldest first. help_records is the ledger's table, read only in this NOT EXISTS: such cases
   * stay in duty_help after their help, so one query is what keeps this from growing with them.
   */
  awaitingDutyHelp(stationId: string): Promise<Case[]> {
    return this.cases
      .createQueryBuilder('c')
      .where("c.station_id = :sid AND c.route = 'duty_lawyer_help' AND c.status = 'duty_help'", { sid: stationId })
      .andWhere('NOT EXISTS (SELECT 1 FROM help_records h WHERE h.case_id = c.id)')
      .orderBy('c.received_at', 'ASC')
      .getMany();
  }

  /** The lawyer's active appointments (one per case they act in now). */
  activeAssignmentsOf(lawyerId: string): Promise<Assignment[]> {
    return this.assignments.findBy({ lawyerId, status: 'active' });
  }

  /** Every hearing of these cases, cancelled ones included. */
  hearingsOf(caseIds: readonly string[]): Promise<Hearing[]> {
    return caseIds.length ? this.hearings.findBy({ caseId: In([...new Set(caseIds)]) }) : Promise.resolve([]);
  }

  /** The lawyer's file-reading requests in these cases that the court has not arranged yet. */
  unarrangedFileReadings(lawyerId: string, caseIds: readonly string[]): Promise<FileReadingRequest[]> {
    return caseIds.length
      ? this.fileReadings.findBy({ caseId: In([...new Set(caseIds)]), lawyerId, arrangedAt: IsNull() })
      : Promise.resolve([]);
  }
}
