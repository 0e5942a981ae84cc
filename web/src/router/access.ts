import type { Role } from '../api/auth';

/* Who goes where, apart from the route map (routes.ts loads the views; the views need these without it). */

/** Where `/` sends each role. */
export const HOME: Record<Role, string> = {
  admin: '/todo',
  dispatcher: '/todo',
  lawyer: '/me/shifts',
  court_clerk: '/court/cases',
  supervisor: '/dashboard',
  // The front desk uses its full-screen page (/reception/:stationId); the console has nothing for it.
  reception: '/',
};

/** Admin may open everything except the lawyer's own pages (an admin is no lawyer) and the clerk's. */
export function mayOpen(role: Role, allowed: Role[] | undefined): boolean {
  if (!allowed) return true;
  if (role === 'admin') return !allowed.every((r) => r === 'lawyer' || r === 'court_clerk');
  return allowed.includes(role);
}
