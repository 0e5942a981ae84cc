import { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * Reads a row in order to change and save it. On PostgreSQL the row is locked FOR UPDATE
 * until the transaction ends, so a concurrent writer's commit is waited for and seen, not
 * overwritten by a whole-entity save of what was read before it (lost updates: `open_cases`
 * 1 → 0, an assigned case back to `ready`). SQLite transactions already run one at a time.
 */
export function findForUpdate<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T | null> {
  const postgres = m.connection.options.type === 'postgres';
  return m.findOne(target, { where, ...(postgres ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
}
