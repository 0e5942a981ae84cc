/**
 * The dashboard's reports as the API answers them and as they are exported: one table per
 * chart, the same columns on screen (web/ imports this file), in the CSV and in the XLSX.
 * Plain data and pure functions, no imports beyond the rules.
 */
import type { CoverageReport } from './coverage';
import type { Art12Compliance, Art6Compliance } from './deadlines';
import type { FairnessReport } from './fairness';
import type { ObjectionReport } from './objections';

export type RouteRates = { appointedDefence: number | null; dutyHelp: number | null };
export type CoverageMonth = CoverageReport & { month: string; routeRates: RouteRates };
export interface MonthlyCoverage {
  from: string;
  to: string;
  months: CoverageMonth[];
  total: CoverageReport & { routeRates: RouteRates };
}

export interface DeadlineMonth {
  month: string;
  art6: Art6Compliance;
  art12: Art12Compliance;
}
export interface DeadlinesReport {
  from: string;
  to: string;
  /** The court-local day overdue is judged on. */
  today: string;
  months: DeadlineMonth[];
  total: { art6: Art6Compliance; art12: Art12Compliance };
}

export interface FairnessReports {
  from: string;
  to: string;
  /** Appointments (rule 4, Art 9) over every active lawyer. */
  appointments: FairnessReport;
  /** Published duty shifts (rule 10) over every active station member. */
  shifts: FairnessReport;
}

export type ObjectionMonth = ObjectionReport & { month: string };
export interface ObjectionsReport {
  from: string;
  to: string;
  today: string;
  months: ObjectionMonth[];
  total: ObjectionReport;
}

export const STATS_REPORTS = ['coverage', 'deadlines', 'appointments', 'shifts', 'objections'] as const;
export type StatsReportName = (typeof STATS_REPORTS)[number];

export type Cell = string | number;
export interface StatsTable {
  /** Sheet and file title. */
  title: string;
  columns: string[];
  rows: Cell[][];
}

/** 0.5 → "50.0%"; no denominator → "—" (never a fake 0 %). */
export const percent = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function coverageTable(r: MonthlyCoverage): StatsTable {
  const row = (label: string, m: CoverageReport & { routeRates: RouteRates }): Cell[] => [
    label,
    m.defendants,
    m.byRoute.appointed_defence,
    m.byRoute.duty_lawyer_help,
    m.byRoute.none,
    m.outcomes.appointed,
    m.outcomes.dutyHelpRecorded,
    m.outcomes.retainedCounsel,
    m.outcomes.refusedAid,
    percent(m.coverageRate),
    percent(m.routeRates.appointedDefence),
    percent(m.routeRates.dutyHelp),
  ];
  return {
    title: '辩护率（按月、按分流）',
    columns: [
      '月份',
      '被告人',
      '指派辩护',
      '值班律师法律帮助',
      '不予指派',
      '已指派律师',
      '已提供法律帮助',
      '自行委托',
      '拒绝援助',
      '辩护率',
      '指派辩护覆盖率',
      '法律帮助覆盖率',
    ],
    rows: [...r.months.map((m) => row(m.month, m)), row('合计', r.total)],
  };
}

export function deadlinesTable(r: DeadlinesReport): StatsTable {
  const row = (label: string, m: { art6: Art6Compliance; art12: Art12Compliance }): Cell[] => [
    label,
    m.art6.appointed,
    m.art6.onTime,
    m.art6.late,
    m.art6.overdueUnappointed,
    percent(m.art6.rate),
    m.art12.appointments,
    m.art12.onTime,
    m.art12.late,
    m.art12.overdue,
    m.art12.pending,
    percent(m.art12.rate),
  ];
  return {
    title: '期限遵守情况（第六条、第十二条）',
    columns: [
      '月份',
      '已指派',
      '三日内指派',
      '超期指派',
      '超期未指派',
      '第六条按期率',
      '指派（第十二条）',
      '七日内申请阅卷',
      '超期申请阅卷',
      '超期未申请阅卷',
      '期限未到',
      '第十二条按期率',
    ],
    rows: [...r.months.map((m) => row(m.month, m)), row('合计', r.total)],
  };
}

export function fairnessTable(r: FairnessReport, what: 'appointments' | 'shifts'): StatsTable {
  const noun = what === 'appointments' ? '指派' : '值班';
  return {
    title: `${noun}分布（基尼系数 ${r.gini.toFixed(4)}，前 10% 律师占 ${percent(r.top10Share)}）`,
    columns: ['序号', '律师', `${noun}次数`],
    rows: r.perLawyer.map((l, i) => [i + 1, l.name, l.count]),
  };
}

export function objectionsTable(r: ObjectionsReport): StatsTable {
  const row = (label: string, m: ObjectionReport): Cell[] => [
    label,
    m.filed,
    m.filedLate,
    m.pending,
    m.overdue,
    m.upheld,
    m.aidOrdered,
    m.decidedLate,
  ];
  return {
    title: '异议及处理结果（第十八条）',
    columns: ['月份', '提出异议', '超过十五日提出', '待审查', '超过五日未审查', '维持原决定', '责令提供法律援助', '超期作出决定'],
    rows: [...r.months.map((m) => row(m.month, m)), row('合计', r.total)],
  };
}
