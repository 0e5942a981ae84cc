import type { DeadlinesReport, FairnessReports, MonthlyCoverage, ObjectionsReport, StatsReportName } from '../../../src/stats/domain/reports';
import { api, download } from './client';

/** The justice bureau's statistics (GET /api/v1/stats/*), shapes as the server declares them. */
export type { DeadlinesReport, FairnessReports, MonthlyCoverage, ObjectionsReport, StatsReportName } from '../../../src/stats/domain/reports';

export interface StatsRange {
  from: string;
  to: string;
}

export const stats = {
  coverage: (r: StatsRange) => api<MonthlyCoverage>('GET', '/stats/coverage/monthly', undefined, { query: { ...r } }),
  deadlines: (r: StatsRange) => api<DeadlinesReport>('GET', '/stats/deadlines', undefined, { query: { ...r } }),
  fairness: (r: StatsRange) => api<FairnessReports>('GET', '/stats/fairness', undefined, { query: { ...r } }),
  objections: (r: StatsRange) => api<ObjectionsReport>('GET', '/stats/objections', undefined, { query: { ...r } }),
  file: (r: StatsRange, report: StatsReportName, format: 'csv' | 'xlsx') => download('/stats/export', { query: { ...r, report, format } }),
};
