import { api } from './client';

/**
 * Stations, rosters, shifts and the working-day calendar as the dispatcher's screens use
 * them (through the one client). Dates are the court's local dates; instants carry the
 * station's offset, so a time is read off the string as the court reads its clock.
 */

export interface ShiftTemplate {
  name: string;
  start: string;
  end: string;
}

export interface Station {
  id: string;
  name: string;
  courtName: string;
  timezone: string;
  shiftTemplates: ShiftTemplate[];
  workdaysOnly: boolean;
  fallbackPhone: string;
  lawyerIds?: string[];
}

export type StationInput = Pick<Station, 'name' | 'courtName' | 'shiftTemplates' | 'workdaysOnly' | 'fallbackPhone'>;

export interface Warning {
  code: string;
  message: string;
  date?: string;
  lawyerId?: string;
  years?: number[];
}

export interface RosterSummary {
  id: string;
  stationId: string;
  from: string;
  to: string;
  status: 'draft' | 'published';
  createdAt: string;
  publishedAt: string | null;
  warnings: Warning[];
}

export interface LawyerSpread {
  /** Monday … Sunday */
  byWeekday: number[];
  morning: number;
  afternoon: number;
  weekdayLimit: number;
  weekdayOk: boolean;
  halvesOk: boolean | null;
}

export interface Fairness {
  min: number;
  max: number;
  perLawyer: Record<string, number>;
  cumulative: Record<string, number>;
  /** Rosters generated with the weekday-spread rule. */
  spread?: Record<string, LawyerSpread>;
}

export interface Shift {
  id: string;
  rosterId: string;
  date: string;
  templateName: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  lawyerId: string | null;
  lawyerName: string | null;
  status: 'draft' | 'published';
  sequence: number;
  unfilledReason: string | null;
}

export interface SwapRequestView {
  id: string;
  shiftId: string;
  fromLawyerId: string;
  toLawyerId: string;
  fromLawyerName: string | null;
  toLawyerName: string | null;
  createdAt: string;
}

export interface RosterChange {
  shiftId: string;
  action: string;
  at: string;
  fromLawyerName: string | null;
  toLawyerName: string | null;
  reason: string | null;
  actorRole: string | null;
}

export interface RosterDetails extends RosterSummary {
  fairness: Fairness;
  station: Pick<Station, 'id' | 'name' | 'courtName' | 'timezone'>;
  members: { id: string; name: string }[];
  lawyerNames: Record<string, string>;
  shifts: Shift[];
  swapRequests: SwapRequestView[];
  changes: RosterChange[];
}

export interface Candidate {
  lawyerId: string;
  name: string;
  current: boolean;
  eligible: boolean;
  hard: string[];
  soft: string[];
  shiftsInRoster: number;
}

export interface ChangedShift extends Shift {
  warnings: Warning[];
}

export const stations = {
  list: () => api<Station[]>('GET', '/stations'),
  get: (id: string) => api<Station>('GET', `/stations/${id}`),
  create: (body: StationInput) => api<Station>('POST', '/stations', body, { silent: true }),
  update: (id: string, body: Partial<StationInput>) => api<Station>('PATCH', `/stations/${id}`, body, { silent: true }),
  rosters: (id: string) => api<RosterSummary[]>('GET', `/stations/${id}/rosters`),
  generate: (id: string, from: string, to: string) => api<RosterSummary>('POST', `/stations/${id}/rosters`, { from, to }, { silent: true }),
  members: (id: string) => api<{ id: string; name: string; firm: string; active: boolean; suspended?: boolean }[]>('GET', '/lawyers', undefined, { query: { stationId: id } }),
};

export const rosters = {
  get: (id: string) => api<RosterDetails>('GET', `/rosters/${id}`),
  publish: (id: string) => api<{ status: string; notifiedLawyers: number }>('POST', `/rosters/${id}/publish`, {}, { silent: true }),
  discard: (id: string) => api<void>('DELETE', `/rosters/${id}`),
  candidates: (shiftId: string) => api<{ candidates: Candidate[] }>('GET', `/shifts/${shiftId}/candidates`),
  change: (shiftId: string, body: { lawyerId: string; reason?: string; sequence: number }) => api<ChangedShift>('PATCH', `/shifts/${shiftId}`, body, { silent: true }),
  cancelSwap: (id: string) => api<unknown>('POST', `/swap-requests/${id}/cancel`, {}),
};

export interface DayDescription {
  date: string;
  workday: boolean;
  source: 'override' | 'arrangement' | 'data' | 'weekend-fallback';
  name?: string;
  note?: string;
}

export interface WorkdayOverride {
  date: string;
  workday: boolean;
  note: string;
}

export interface Festival {
  name: string;
  from: string;
  to: string;
}

export interface Arrangement {
  year: number;
  festivals: Festival[];
  workdays: string[];
  createdAt?: string;
}

export const workdays = {
  describe: (from: string, to: string) => api<{ days: DayDescription[]; warnings: Warning[] }>('GET', '/workdays', undefined, { query: { from, to } }),
  overrides: () => api<WorkdayOverride[]>('GET', '/workdays/overrides'),
  setOverride: (body: WorkdayOverride) => api<WorkdayOverride>('POST', '/workdays/overrides', body, { silent: true }),
  removeOverride: (date: string) => api<void>('DELETE', `/workdays/overrides/${date}`),
  arrangements: () => api<Arrangement[]>('GET', '/workdays/arrangements'),
  setArrangement: (body: Arrangement) => api<Arrangement>('POST', '/workdays/arrangements', body, { silent: true }),
};
