import { api, page } from './client';

/** The audit trail (GET /api/v1/audit): what was changed, by whom, when (in the court's zone). */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string;
  summary: Record<string, unknown> | null;
}

export interface AuditActor {
  id: string;
  name: string;
  role: string;
}

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
