import { api } from './client';
import type { Answer, RequestBody } from './contract';

/** The pool (律师库) as the dispatcher's screens read and write it. */
export interface Lawyer {
  id: string;
  name: string;
  licenseNo: string;
  firm: string;
  phone: string;
  email: string;
  juvenileExperience: boolean;
  criminalPracticeSince: string;
  poolTier: 'core' | 'reserve' | 'none';
  weight: number;
  maxOpenCases: number;
  openCases: number;
  active: boolean;
  suspended: boolean;
  suspensionReason: string | null;
  dutyStationIds?: string[];
}

export type LawyerFields = Pick<Lawyer, 'name' | 'licenseNo' | 'firm' | 'phone' | 'email' | 'juvenileExperience' | 'criminalPracticeSince' | 'poolTier' | 'weight' | 'maxOpenCases'>;

export interface LawyerFilter {
  q?: string;
  active?: boolean;
  poolTier?: string;
  juvenileExperience?: boolean;
}

export interface ImportAnswer {
  created: number;
  updated: number;
  errors: { row: number; field: string; reason: string }[];
}

export interface Leave {
  id: string;
  from: string;
  to: string;
  reason: string;
}

export interface LeaveAnswer extends Leave {
  warnings: { code: string; shifts: { id: string; rosterId: string; stationId: string; date: string; start: string; end: string }[] }[];
}

export const listLawyers = (filter: LawyerFilter) => api<Answer<'LawyersController_list'>>('GET', '/lawyers', undefined, { query: { ...filter, limit: 10000 } });
export const createLawyer = (body: LawyerFields & RequestBody<'LawyersController_create'>) =>
  api<Answer<'LawyersController_create', 201>>('POST', '/lawyers', body, { silent: true });
/** What PATCH /lawyers/:id accepts. */
export type LawyerChange = RequestBody<'LawyersController_update'>;
export const updateLawyer = (id: string, body: LawyerChange) =>
  api<Answer<'LawyersController_update'>>('PATCH', `/lawyers/${id}`, body, { silent: true });
export const importLawyers = (csv: string) => api<ImportAnswer & Answer<'LawyersController_importCsv'>>('POST', '/lawyers/import', csv, { silent: true });
/** Each entry with the published shifts still held in it (`warnings`, as when it was reported). */
export const listLeave = (id: string) => api<LeaveAnswer[] & Answer<'LawyersController_listUnavailability'>>('GET', `/lawyers/${id}/unavailability`);
export const addLeave = (id: string, body: RequestBody<'LawyersController_addUnavailability'>) =>
  api<LeaveAnswer & Answer<'LawyersController_addUnavailability', 201>>('POST', `/lawyers/${id}/unavailability`, body, { silent: true });
export const removeLeave = (id: string, entryId: string) => api<void>('DELETE', `/lawyers/${id}/unavailability/${entryId}`);
