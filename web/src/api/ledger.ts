import { api, download } from './client';

/** The duty ledger (值班台账) as the dispatcher reads it: attendance per shift, help records, sign-offs. */

export type AttendanceStatus = 'unfilled' | 'upcoming' | 'awaiting' | 'not_arrived' | 'missing' | 'on_time' | 'late';

export interface DutyRecord {
  shiftId: string;
  date: string;
  templateName: string;
  start: string;
  end: string;
  lawyerId: string | null;
  lawyerName: string | null;
  firm: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  checkInCorrected: boolean;
  checkOutCorrected: boolean;
  attendance: AttendanceStatus;
  lateByMinutes: number;
  signedOffAt: string | null;
}

export interface HelpRecord {
  id: string;
  date: string;
  lawyerName: string | null;
  courtCaseNo: string;
  defendantName: string;
  helpType: string;
  summary: string;
  startedAt: string;
  endedAt: string;
  current: boolean;
  afterSignOff: boolean;
  correctionReason: string | null;
}

export interface LedgerRange {
  stationId: string;
  from: string;
  to: string;
}

export type LedgerFile = { format: 'csv'; part: 'duty' | 'help' } | { format: 'xlsx' };

export const ledger = {
  attendance: (q: LedgerRange) => api<DutyRecord[]>('GET', '/ledger/attendance', undefined, { query: { ...q } }),
  help: async (q: LedgerRange) => (await api<{ helpRecords: HelpRecord[] }>('GET', '/ledger', undefined, { query: { ...q, format: 'json', part: 'help' } })).helpRecords,
  signOffs: (q: LedgerRange) => api<{ lawyerId: string; date: string; signedAt: string }[]>('GET', '/ledger/sign-offs', undefined, { query: { ...q } }),
  backfill: (shiftId: string, body: { kind: 'check_in' | 'check_out'; at: string; reason: string }) => api<unknown>('POST', `/shifts/${shiftId}/duty-log`, body, { silent: true }),
  file: (q: LedgerRange, file: LedgerFile) => download('/ledger', { query: { ...q, ...file } }),
};
