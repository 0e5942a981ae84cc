import type { AttendanceStatus } from './duty-rules';
import { HELP_TYPE_LABELS } from './help-types';
import type { DutyRecordView, HelpRecordView, OnBehalf } from './ledger-views';

/** What an XLSX cell holds where it is not the text: a real date or time, shown with `numFmt`. */
export interface TypedCell<T> {
  value(row: T): Date | number | null;
  numFmt: string;
}

/**
 * The paper ledger's columns (值班台账), shared by the CSV and the XLSX export so both read
 * the same. `value` gets the row and its 序号 (1-based place in the export); `cell`, where
 * given, is what the XLSX cell holds instead (dates and times a clerk can sort and filter).
 */
export interface LedgerColumn<T> {
  header: string;
  width: number;
  value(row: T, n: number): string | number;
  cell?: TypedCell<T>;
}

/**
 * Excel stores a date-time as a day count with no zone; exceljs writes a Date by its UTC
 * fields. So the station's wall clock is given as if it were UTC: `2026-10-12T09:03+08:00`
 * becomes the cell 2026-10-12 09:03, whatever the server's zone.
 */
export const excelDate = (local: string): Date => new Date(`${local}T00:00:00Z`);
export const excelDateTime = (zoned: string | null): Date | null => (zoned ? new Date(`${zoned.slice(0, 19)}Z`) : null);
/** A time of day as Excel keeps it: the fraction of a day. */
export const excelTime = (zoned: string | null): number | null =>
  zoned ? (Number(zoned.slice(11, 13)) * 60 + Number(zoned.slice(14, 16))) / 1440 : null;

const DATE = { numFmt: 'yyyy-mm-dd' };
const DATE_TIME = { numFmt: 'yyyy-mm-dd hh:mm' };
const TIME = { numFmt: 'hh:mm' };

const behalf = (what: string, b: OnBehalf | null): string =>
  b ? `${what}由${b.recordedByName ?? '工作人员'}代为登记${b.reason ? `（${b.reason}）` : ''}` : '';

const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  on_time: '按时签到',
  late: '迟到',
  missing: '未签到',
  not_arrived: '未到岗',
  awaiting: '待签到',
  upcoming: '未开始',
  unfilled: '无人值班',
};

/** `2026-10-12T09:03:00+08:00` → `2026-10-12 09:03`: the API's zoned instants already carry the station's wall clock. */
export const wallClock = (zoned: string | null): string => (zoned ? zoned.slice(0, 16).replace('T', ' ') : '');
const timeOnly = (zoned: string | null): string => (zoned ? zoned.slice(11, 16) : '');

export const DUTY_COLUMNS: LedgerColumn<DutyRecordView>[] = [
  { header: '序号', width: 6, value: (_, n) => n },
  { header: '日期', width: 12, value: (r) => r.date, cell: { ...DATE, value: (r) => excelDate(r.date) } },
  { header: '班次', width: 10, value: (r) => r.templateName },
  { header: '值班时间', width: 13, value: (r) => `${r.start}-${r.end}` },
  { header: '值班律师', width: 10, value: (r) => r.lawyerName ?? '' },
  { header: '律师事务所', width: 22, value: (r) => r.firm ?? '' },
  {
    header: '签到时间',
    width: 17,
    value: (r) => wallClock(r.checkedInAt),
    cell: { ...DATE_TIME, value: (r) => excelDateTime(r.checkedInAt) },
  },
  {
    header: '签退时间',
    width: 17,
    value: (r) => wallClock(r.checkedOutAt),
    cell: { ...DATE_TIME, value: (r) => excelDateTime(r.checkedOutAt) },
  },
  // A check-in the dispatcher recorded is not an ordinary one: it says so here and who and why below.
  { header: '出勤情况', width: 12, value: (r) => `${ATTENDANCE_LABELS[r.attendance]}${r.checkInOnBehalf ? '（代登记）' : ''}` },
  { header: '迟到(分钟)', width: 10, value: (r) => (r.attendance === 'late' ? r.lateByMinutes : '') },
  {
    header: '更正说明',
    width: 16,
    value: (r) => [r.checkInCorrected ? '签到时间已更正' : '', r.checkOutCorrected ? '签退时间已更正' : ''].filter(Boolean).join('；'),
  },
  {
    header: '代为登记',
    width: 24,
    value: (r) => [behalf('签到', r.checkInOnBehalf), behalf('签退', r.checkOutOnBehalf)].filter(Boolean).join('；'),
  },
  {
    header: '律师签字确认',
    width: 17,
    value: (r) => wallClock(r.signedOffAt),
    cell: { ...DATE_TIME, value: (r) => excelDateTime(r.signedOffAt) },
  },
];

export const HELP_COLUMNS: LedgerColumn<HelpRecordView>[] = [
  { header: '序号', width: 6, value: (_, n) => n },
  { header: '日期', width: 12, value: (r) => r.date, cell: { ...DATE, value: (r) => excelDate(r.date) } },
  { header: '值班律师', width: 10, value: (r) => r.lawyerName ?? '' },
  { header: '案号', width: 24, value: (r) => r.courtCaseNo },
  { header: '被告人', width: 10, value: (r) => r.defendantName },
  { header: '帮助类型', width: 22, value: (r) => HELP_TYPE_LABELS[r.helpType] },
  { header: '开始时间', width: 7, value: (r) => timeOnly(r.startedAt), cell: { ...TIME, value: (r) => excelTime(r.startedAt) } },
  { header: '结束时间', width: 7, value: (r) => timeOnly(r.endedAt), cell: { ...TIME, value: (r) => excelTime(r.endedAt) } },
  { header: '帮助内容摘要', width: 50, value: (r) => r.summary },
  { header: '记录状态', width: 10, value: (r) => (r.current ? (r.correctsId ? '有效（更正）' : '有效') : '已被更正') },
  { header: '更正的记录', width: 38, value: (r) => r.correctsId ?? '' },
  { header: '更正理由', width: 24, value: (r) => r.correctionReason ?? '' },
  { header: '签字后补记', width: 10, value: (r) => (r.afterSignOff ? '是' : '') },
  { header: '记录编号', width: 38, value: (r) => r.id },
  { header: '记录时间', width: 17, value: (r) => wallClock(r.createdAt), cell: { ...DATE_TIME, value: (r) => excelDateTime(r.createdAt) } },
];

export { csvField, csvLine } from '../../common/csv';
