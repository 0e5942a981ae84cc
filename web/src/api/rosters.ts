import { api } from './client';
import type { Answer, RequestBody } from './contract';

/**
 * Stations, rosters, shifts and the working-day calendar as the dispatcher's screens use
 * them (through the one client). Dates are the court's local dates; instants carry the
 * station's offset, so a time is read off the string as the court reads its clock.
 */

/** A station as GET /stations lists it; GET /stations/:id adds its members' ids. */
export type Station = Answer<'StationsController_list'>[number] & Partial<Pick<Answer<'StationsController_get'>, 'lawyerIds'>>;

export type ShiftTemplate = Station['shiftTemplates'][number];

/** What POST /stations accepts (PATCH /stations/:id: any of it). */
export type StationInput = RequestBody<'StationsController_create'>;

export type RosterSummary = Answer<'StationsController_listRosters'>[number];

export type Warning = RosterSummary['warnings'][number];

export type Fairness = RosterSummary['fairness'];

export type LawyerSpread = NonNullable<Fairness['spread']>[string];

export type RosterDetails = Answer<'RostersController_get'>;

export type Shift = RosterDetails['shifts'][number];

export type SwapRequestView = RosterDetails['swapRequests'][number];

export type RosterChange = RosterDetails['changes'][number];

export type Candidate = Answer<'ShiftsController_listCandidates'>['candidates'][number];

export type ChangedShift = Answer<'ShiftsController_override'>;

type StationMember = Pick<Answer<'LawyersController_list'>[number], 'id' | 'name' | 'firm' | 'active' | 'suspended'>;

export const stations = {
  list: () => api<Answer<'StationsController_list'>>('GET', '/stations'),
  get: (id: string) => api<Answer<'StationsController_get'>>('GET', `/stations/${id}`),
  create: (body: StationInput) => api<Answer<'StationsController_create', 201>>('POST', '/stations', body, { silent: true }),
  update: (id: string, body: RequestBody<'StationsController_update'>) => api<Answer<'StationsController_update'>>('PATCH', `/stations/${id}`, body, { silent: true }),
  rosters: (id: string) => api<RosterSummary[]>('GET', `/stations/${id}/rosters`),
  generate: (id: string, from: string, to: string) =>
    api<Answer<'StationsController_generate', 201>>('POST', `/stations/${id}/rosters`, { from, to } satisfies RequestBody<'StationsController_generate'>, { silent: true }),
  members: (id: string) => api<StationMember[]>('GET', '/lawyers', undefined, { query: { stationId: id } }),
};

export const rosters = {
  get: (id: string) => api<RosterDetails>('GET', `/rosters/${id}`),
  publish: (id: string) => api<Answer<'RostersController_publish'>>('POST', `/rosters/${id}/publish`, {}, { silent: true }),
  discard: (id: string) => api<void>('DELETE', `/rosters/${id}`),
  candidates: (shiftId: string) => api<Answer<'ShiftsController_listCandidates'>>('GET', `/shifts/${shiftId}/candidates`),
  change: (shiftId: string, body: RequestBody<'ShiftsController_override'>) => api<ChangedShift>('PATCH', `/shifts/${shiftId}`, body, { silent: true }),
  cancelSwap: (id: string) => api<Answer<'ShiftsController_cancel'>>('POST', `/swap-requests/${id}/cancel`, {}),
};

export type DayDescription = Answer<'WorkdaysController_describe'>['days'][number];

export type WorkdayOverride = RequestBody<'WorkdaysController_set'>;

export type Arrangement = Answer<'WorkdaysController_arrangements'>[number];

export type Festival = Arrangement['festivals'][number];

export const workdays = {
  describe: (from: string, to: string) => api<Answer<'WorkdaysController_describe'>>('GET', '/workdays', undefined, { query: { from, to } }),
  overrides: () => api<Answer<'WorkdaysController_list'>>('GET', '/workdays/overrides'),
  setOverride: (body: WorkdayOverride) => api<Answer<'WorkdaysController_set', 201>>('POST', '/workdays/overrides', body, { silent: true }),
  removeOverride: (date: string) => api<void>('DELETE', `/workdays/overrides/${date}`),
  arrangements: () => api<Answer<'WorkdaysController_arrangements'>>('GET', '/workdays/arrangements'),
  setArrangement: (body: RequestBody<'WorkdaysController_setArrangement'>) => api<Answer<'WorkdaysController_setArrangement', 201>>('POST', '/workdays/arrangements', body, { silent: true }),
};
