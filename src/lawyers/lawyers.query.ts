import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { LocalDate } from '../common/local-date';
import { chunks } from '../database/columns';
import { Lawyer } from './lawyer.entity';
import { Unavailability } from './unavailability.entity';

/**
 * The reads other features make of the lawyers' tables (`lawyers`, `unavailability`); the
 * lawyers folder is their one writer. Every read takes the caller's EntityManager: inside a
 * transaction it is that transaction's (never a global repository), outside it `dataSource.manager`.
 * Rows come back as entities (callers import the type only); the pick's rank columns are never read.
 */
@Injectable()
export class LawyersQuery {
  exists(m: EntityManager, id: string): Promise<boolean> {
    return m.existsBy(Lawyer, { id });
  }

  byId(m: EntityManager, id: string): Promise<Lawyer | null> {
    return m.findOneBy(Lawyer, { id });
  }

  /** The lawyers with these ids (unknown ids are skipped), in no particular order. */
  async byIds(m: EntityManager, ids: readonly (string | null)[]): Promise<Lawyer[]> {
    const out: Lawyer[] = [];
    for (const part of chunks(distinct(ids))) out.push(...(await m.findBy(Lawyer, { id: In(part) })));
    return out;
  }

  /** Name by id of the lawyers with these ids (reads the two columns only). */
  async names(m: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const part of chunks(distinct(ids))) {
      for (const l of await m.find(Lawyer, { select: { id: true, name: true }, where: { id: In(part) } })) names.set(l.id, l.name);
    }
    return names;
  }

  /** Leave of these lawyers that touches the local dates from..to. */
  async leaveOf(m: EntityManager, lawyerIds: readonly string[], from: LocalDate, to: LocalDate): Promise<Unavailability[]> {
    const out: Unavailability[] = [];
    for (const part of chunks(distinct(lawyerIds))) {
      out.push(...(await m.findBy(Unavailability, { lawyerId: In(part), from: LessThanOrEqual(to), to: MoreThanOrEqual(from) })));
    }
    return out;
  }
}

function distinct(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
