import { EntityManager } from 'typeorm';
import { iso } from '../database/columns';
import { Lawyer } from './lawyer.entity';
import { scoreSql } from './lawyer-rank';

/**
 * The writes other features make to a lawyer's counters, in their transaction: capacity
 * (`open_cases`) and the rolling-window counter with its rank score (`window_count`,
 * `rank_score`; src/cases/assignment/pick-window.ts says when). The lawyers module owns the table.
 */

/**
 * Takes one unit of the lawyer's capacity and counts the appointment in the rolling window,
 * in one conditional UPDATE: false when the lawyer is full, or (with `seenLastAppointedAt`,
 * an automatic pick) was appointed since the pick read the row, so concurrent picks stay fair.
 */
export async function claimLawyer(m: EntityManager, lawyerId: string, now: Date, seenLastAppointedAt?: string | null): Promise<boolean> {
  const q = m
    .createQueryBuilder()
    .update(Lawyer)
    .set({
      openCases: () => 'open_cases + 1',
      windowCount: () => 'window_count + 1',
      rankScore: () => scoreSql(m, '(window_count + 1)'),
      lastAppointedAt: iso(now),
    })
    .where('id = :id AND open_cases < max_open_cases', { id: lawyerId });
  if (seenLastAppointedAt === null) q.andWhere('last_appointed_at IS NULL');
  else if (seenLastAppointedAt !== undefined) q.andWhere('last_appointed_at = :seen', { seen: seenLastAppointedAt });
  return (await q.execute()).affected === 1;
}

/** Gives back one unit of capacity (an appointment or an offer ended). */
export async function releaseLawyer(m: EntityManager, lawyerId: string): Promise<void> {
  await m
    .createQueryBuilder()
    .update(Lawyer)
    .set({ openCases: () => 'open_cases - 1' })
    .where('id = :id AND open_cases > 0', { id: lawyerId })
    .execute();
}

/** Every window counter from the history: the assignments appointed at or after the instant `from`. */
export async function recountWindow(m: EntityManager, from: string): Promise<void> {
  await m
    .createQueryBuilder()
    .update(Lawyer)
    .set({ windowCount: () => '(SELECT COUNT(*) FROM assignments a WHERE a.lawyer_id = lawyers.id AND a.appointed_at >= :from)' })
    .setParameters({ from })
    .execute();
  await m
    .createQueryBuilder()
    .update(Lawyer)
    .set({ rankScore: () => scoreSql(m, 'window_count') })
    .execute();
}

/** Adds (`sign` +1) or takes off (−1) the assignments appointed in the instants [lo, hi). */
export async function shiftWindow(m: EntityManager, lo: string, hi: string, sign: 1 | -1): Promise<void> {
  const slice = 'a.appointed_at >= :lo AND a.appointed_at < :hi';
  const touched = `id IN (SELECT a.lawyer_id FROM assignments a WHERE ${slice})`;
  const params = { lo, hi };
  const op = sign > 0 ? '+' : '-';
  await m
    .createQueryBuilder()
    .update(Lawyer)
    .set({ windowCount: () => `window_count ${op} (SELECT COUNT(*) FROM assignments a WHERE a.lawyer_id = lawyers.id AND ${slice})` })
    .where(touched, params)
    .execute();
  await m
    .createQueryBuilder()
    .update(Lawyer)
    .set({ rankScore: () => scoreSql(m, 'window_count') })
    .where(touched, params)
    .execute();
}
