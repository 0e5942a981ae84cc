import { EntityManager } from 'typeorm';
import { LawyerPoolClass } from './lawyer-pool-class.entity';

/** The columns a lawyer's pool class derives from. */
export interface ClassColumns {
  active: boolean;
  suspended: boolean;
  juvenileExperience: boolean;
}

const classKey = (l: ClassColumns) => ({ appointable: l.active && !l.suspended, juvenileExperience: l.juvenileExperience });

/**
 * Moves lawyers between the counted classes (lawyer_pool_classes), in the transaction that
 * writes them: `before` null for a new lawyer. The rows are updated in one fixed order, so
 * two transactions changing several classes cannot deadlock; a class row is locked only by
 * writes of these columns (admin edits and imports), never by an assignment.
 */
export async function moveClasses(m: EntityManager, changes: { before: ClassColumns | null; after: ClassColumns }[]): Promise<void> {
  const delta = new Map<string, number>();
  const bump = (l: ClassColumns, by: number) => {
    const k = JSON.stringify(classKey(l));
    delta.set(k, (delta.get(k) ?? 0) + by);
  };
  for (const { before, after } of changes) {
    if (before) bump(before, -1);
    bump(after, +1);
  }
  for (const k of [...delta.keys()].sort()) {
    const by = delta.get(k)!;
    if (by === 0) continue;
    await m
      .createQueryBuilder()
      .update(LawyerPoolClass)
      .set({ lawyers: () => `lawyers + ${by}` })
      .where(JSON.parse(k) as ReturnType<typeof classKey>)
      .execute();
  }
}

/** Every class counted again from the lawyers (after a bulk load that bypassed the writers). */
export async function recountClasses(m: EntityManager): Promise<void> {
  await m
    .createQueryBuilder()
    .update(LawyerPoolClass)
    .set({
      lawyers: () =>
        '(SELECT COUNT(*) FROM lawyers l WHERE (l.active = true AND l.suspended = false) = lawyer_pool_classes.appointable' +
        ' AND l.juvenile_experience = lawyer_pool_classes.juvenile_experience)',
    })
    .execute();
}
