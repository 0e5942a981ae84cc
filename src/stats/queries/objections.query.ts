import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { localDateOf } from '../../common/local-date';
import { queryNamed } from '../../database/columns';
import type { ObjectionFact } from '../domain/objections';
import { Period, StatsPeriods } from './stats-period';

/** Read-only: the objections (Art 18) filed in a period. */
@Injectable()
export class ObjectionsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: StatsPeriods,
  ) {}

  async filed(p: Period): Promise<ObjectionFact[]> {
    const rows = await queryNamed(
      this.dataSource,
      `SELECT o.filed_on, o.late, o.review_by, o.status, o.decided_at
         FROM objections o
        WHERE o.filed_on >= :from AND o.filed_on <= :to`,
      { from: p.from, to: p.to },
    );
    return rows.map((r) => ({
      filedOn: String(r.filed_on),
      late: r.late === true || Number(r.late) === 1,
      reviewBy: String(r.review_by),
      status: String(r.status) as ObjectionFact['status'],
      decidedOn: r.decided_at ? localDateOf(new Date(String(r.decided_at)), this.periods.timezone) : null,
    }));
  }
}
