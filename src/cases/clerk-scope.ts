import type { Actor } from '../common/actor';
import { forbidden, notFound } from '../common/errors';
import { clerkAccess } from './domain/clerk-court';

/** Another court's case is missing to a clerk bound to a court (404: its existence is not told). */
export function assertClerkCourt(actor: Actor, c: { id: string; courtName: string }): void {
  if (clerkAccess(actor, c.courtName) === 'other_court') throw notFound('Case', c.id);
}

/** The clerk's court for a read of cases; a clerk bound to none reads nothing (403). */
export function clerkCourtForReads(actor: Actor): string {
  if (!actor.courtName)
    throw forbidden('this court clerk account is not bound to a court (an admin sets courtName)', 'CLERK_WITHOUT_COURT');
  return actor.courtName;
}
