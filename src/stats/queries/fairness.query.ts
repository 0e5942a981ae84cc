import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryNamed } from '../../database/columns';
import type { LawyerCount } from '../domain/fairness';
import type { Period } from './stats-period';

const counts = (rows: Record<string, unknown>[]): LawyerCount[] =>
  rows.map((r) => ({ lawyerId: String(r.id), name: String(r.name), count: Number(r.n) }));

/**
 * Read-only: per lawyer, the appointments and the published duty shifts of a period. Every
 * lawyer who could have been chosen counts, with zero if never chosen: leaving them out would
 * hide unfairness.
 */
@Injectable()
export class FairnessQuery {
  constructor(private readonly dataSource: DataSource) {}

  async appointments(p: Period): Promise<LawyerCount[]> {
    return counts(
      await queryNamed(
        this.dataSource,
        `SELECT l.id, l.name, COUNT(a.id) AS n
           FROM lawyers l
           LEFT JOIN assignments a ON a.lawyer_id = l.id AND a.appointed_at >= :start AND a.appointed_at < :end
                                  AND a.status NOT IN (:...notAppointed)
          WHERE (l.active = :active AND l.suspended = :suspended) OR a.id IS NOT NULL
          GROUP BY l.id, l.name`,
        { start: p.start, end: p.end, active: true, suspended: false, notAppointed: ['offered', 'declined', 'expired'] },
      ),
    );
  }

  /** Rule 10: shifts of published rosters, over the active members of any duty station. */
  async shifts(p: Period): Promise<LawyerCount[]> {
    return counts(
      await queryNamed(
        this.dataSource,
        `SELECT l.id, l.name, COUNT(s.id) AS n
           FROM lawyers l
           LEFT JOIN shifts s ON s.lawyer_id = l.id AND s.status = :published AND s.date >= :from AND s.date <= :to
          WHERE (l.active = :active AND l.suspended = :suspended AND EXISTS (SELECT 1 FROM station_members sm WHERE sm.lawyer_id = l.id))
             OR s.id IS NOT NULL
          GROUP BY l.id, l.name`,
        { from: p.from, to: p.to, published: 'published', active: true, suspended: false },
      ),
    );
  }
}
