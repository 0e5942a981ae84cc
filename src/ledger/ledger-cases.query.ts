import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Case } from '../cases/case.entity';

/** The ledger's read access to cases: the one a help record links, the ones still waiting for help. */
@Injectable()
export class LedgerCasesQuery {
  constructor(private readonly ds: DataSource) {}

  findCase(id: string): Promise<Case | null> {
    return this.ds.getRepository(Case).findOneBy({ id });
  }

  /** duty_lawyer_help cases of the station still waiting for their first help record (Art 2), oldest first. */
  awaitingHelp(stationId: string): Promise<Case[]> {
    return this.ds
      .getRepository(Case)
      .createQueryBuilder('c')
      .where("c.station_id = :sid AND c.route = 'duty_lawyer_help' AND c.status = 'duty_help'", { sid: stationId })
      .andWhere('NOT EXISTS (SELECT 1 FROM help_records h WHERE h.case_id = c.id)')
      .orderBy('c.received_at', 'ASC')
      .getMany();
  }
}
