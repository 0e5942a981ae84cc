import type { DutyRecordView, HelpRecordView } from '../../../src/ledger/domain/ledger-views';
import { api, download } from './client';

/** The duty ledger (值班台账) as the dispatcher reads it: attendance per shift (with sign-offs), help records, back-fills, files. */

/** The API's shapes, as the server declares them. */
export type { DutyRecordView as DutyRecord, HelpRecordView as HelpRecord } from '../../../src/ledger/domain/ledger-views';

export interface LedgerRange {
  stationId: string;
  from: string;
  to: string;
}

export type LedgerFile = { format: 'csv'; part: 'duty' | 'help' } | { format: 'xlsx' };

export const ledger = {
  attendance: (q: LedgerRange) => api<DutyRecordView[]>('GET', '/ledger/attendance', undefined, { query: { ...q } }),
  help: async (q: LedgerRange) => (await api<{ helpRecords: HelpRecordView[] }>('GET', '/ledger', undefined, { query: { ...q, format: 'json', part: 'help' } })).helpRecords,
  backfill: (shiftId: string, body: { kind: 'check_in' | 'check_out'; at: string; reason: string }) => api<unknown>('POST', `/shifts/${shiftId}/duty-log`, body, { silent: true }),
  file: (q: LedgerRange, file: LedgerFile) => download('/ledger', { query: { ...q, ...file } }),
};
