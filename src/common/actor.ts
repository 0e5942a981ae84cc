import { DomainError } from './errors';

export const ROLES = ['admin', 'dispatcher', 'court_clerk', 'reception', 'lawyer', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the authenticated user, passed from controllers into services for audit and ownership. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  lawyerId: string | null;
  /** A court clerk's court; null for every other role and for a clerk integration not bound to one. */
  courtName?: string | null;
}

/** Work the system does on its own (scheduled jobs, bootstrap). */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'system', role: 'admin', lawyerId: null };

/**
 * Lawyers act for themselves (API.md v1.1): a `lawyer` naming another lawyer's id in a path is
 * refused; staff, whose role the route already admitted, act for anyone.
 */
export function assertSelfOrStaff(actor: Actor, lawyerId: string, what: string): void {
  if (actor.role === 'lawyer' && actor.lawyerId !== lawyerId) {
    throw new DomainError('forbidden', 'NOT_OWN_LAWYER_ID', `a lawyer may ${what} only for themselves`);
  }
}

/** The lawyer a `lawyer` account acts as; an account not linked to a lawyer may do nothing as one. */
export function ownLawyerId(actor: Actor): string {
  if (!actor.lawyerId) throw new DomainError('forbidden', 'NOT_A_LAWYER', 'this lawyer account is not linked to a lawyer');
  return actor.lawyerId;
}
