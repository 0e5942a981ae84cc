import type { EntityManager } from 'typeorm';
import { feedsChanged } from '../feed-versions/feed-versions';
import { Assignment } from './assignment/assignment.entity';

/**
 * A change to a case, its appointments, hearings or file-reading requests, told to the
 * calendar feeds (in the caller's transaction): every lawyer ever appointed or offered in
 * the case, so the one whose appointment just ended sees it leave their feed too.
 */
export async function caseFeedsChanged(m: EntityManager, caseId: string): Promise<void> {
  const rows = await m
    .createQueryBuilder(Assignment, 'a')
    .select('DISTINCT a.lawyer_id', 'lawyerId')
    .where('a.case_id = :caseId', { caseId })
    .getRawMany<{ lawyerId: string }>();
  await feedsChanged(m, { lawyers: rows.map((r) => r.lawyerId) });
}
