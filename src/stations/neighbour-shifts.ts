import { Between, EntityManager, In, Not } from 'typeorm';
import { addDays } from '../common/local-date';
import { chunks } from '../database/columns';
import { Shift } from './shift.entity';

/**
 * The lawyers' other shifts on the shift's day and the days around it, at every station: the
 * published ones, and the other slots of the shift's own roster while it is a draft.
 */
export async function neighbourShifts(m: EntityManager, lawyerIds: readonly string[], shift: Shift): Promise<Shift[]> {
  const out: Shift[] = [];
  for (const part of chunks(lawyerIds)) {
    const base = { lawyerId: In(part), id: Not(shift.id), date: Between(addDays(shift.date, -1), addDays(shift.date, 1)) };
    out.push(
      ...(await m.find(Shift, {
        where: [
          { ...base, status: 'published' as const },
          { ...base, rosterId: shift.rosterId },
        ],
      })),
    );
  }
  return out;
}
