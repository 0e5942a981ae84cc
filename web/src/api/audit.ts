import { api, page } from './client';
import type { Answer } from './contract';

/** The audit trail (GET /api/v1/audit): what was changed, by whom, when (in the court's zone). */
export type AuditEntry = Answer<'AuditController_list'>[number];

export type AuditActor = Answer<'AuditController_actors'>[number];

export interface AuditFilter {
  entity?: string;
  id?: string;
  actorId?: string;
  limit: number;
  offset: number;
}

export const audit = {
  /** A page of entries, newest first, and the total count of matches. */
  search: (f: AuditFilter) => page<AuditEntry>('/audit', { query: { ...f, order: 'desc' } }),
  actors: () => api<AuditActor[]>('GET', '/audit/actors'),
};
