import type { Role } from './user.entity';

/** Who is acting: the authenticated user, passed from controllers into services for audit and ownership. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  lawyerId: string | null;
}

/** Work the system does on its own (scheduled jobs, bootstrap). */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'system', role: 'admin', lawyerId: null };
