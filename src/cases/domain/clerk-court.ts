/**
 * Which cases a court clerk may read and act on (issue 11): a clerk account bound to a court
 * (`users.courtName`) sees and changes only the cases whose notice names that court; another
 * court's case is answered as missing (404), so its existence is not disclosed. A clerk
 * integration not bound to a court (API v1 tokens) keeps what v1 let it do — send notices,
 * report hearings, fetch letters — but reads no case lists.
 */
export interface ClerkScopeActor {
  role: string;
  courtName?: string | null;
}

export type ClerkAccess = 'not_a_clerk' | 'own_court' | 'other_court' | 'unbound';

export function clerkAccess(actor: ClerkScopeActor, caseCourtName: string): ClerkAccess {
  if (actor.role !== 'court_clerk') return 'not_a_clerk';
  if (!actor.courtName) return 'unbound';
  return actor.courtName === caseCourtName ? 'own_court' : 'other_court';
}

/** The court a clerk's notice must name: their own, when bound; anything, when not (v1). */
export function noticeCourtProblem(actor: ClerkScopeActor, noticeCourtName: string): string | null {
  return clerkAccess(actor, noticeCourtName) === 'other_court' ? `must be the clerk's own court (${actor.courtName})` : null;
}
