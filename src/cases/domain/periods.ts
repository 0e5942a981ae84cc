import { addDays, daysBetween, LocalDate, localDateOf } from '../../common/local-date';
import { WorkdayLookup } from '../../workdays/domain/workday-lookup';

/**
 * Statutory periods (DESIGN rule 7). All arithmetic is on court-local dates (`YYYY-MM-DD`).
 *
 * Forward day periods follow Criminal Procedure Law Art 105:
 *  - "期间开始的时和日不算在期间以内": the start day is not counted, so the last day is
 *    start + N (received Monday, 3 days → Thursday);
 *  - "期间的最后一日为节假日的，以节假日后的第一日为期满日期": when start + N is not a working
 *    day (weekend or statutory holiday per the official calendar, make-up workdays 调休 being
 *    working days) the period ends on the next working day. Only the LAST day matters:
 *    holidays inside the period are counted. This extension is per period (`extendOverHolidays`)
 *    so a centre can take the stricter reading; Art 105's own proviso (custody never extends)
 *    concerns custody limits, not these procedural periods.
 * Working-day periods count working days after the start day: the result is the N-th working
 *    day after it (always a working day, so no extension question).
 * Backward periods ("N days before D": materials before trial, Art 4; hearing notice, Art 11)
 *    end on D − N, counted the same way (D not counted). They never move for holidays: moving
 *    later would shorten the time the defence is owed, and Art 105 gives no rule for moving
 *    them earlier. `extendOverHolidays` is ignored for them.
 */

export type PeriodKind =
  | 'appointBy'
  | 'materialsDueBy'
  | 'contactJudgeBy'
  | 'fileReviewAndMeetingBy'
  | 'hearingNoticeMinDays'
  | 'fileReadingBy'
  | 'objectionBy'
  | 'objectionReviewBy'
  | 'retainCounselBy'
  | 'renotifyBy';

export interface PeriodSpec {
  kind: PeriodKind;
  /** Number of days (or working days). */
  length: number;
  unit: 'days' | 'working_days';
  /** `after`: due = start + length; `before`: due = start − length (start is the event date). */
  direction: 'after' | 'before';
  /** Default for Art 105's holiday extension; meaningful only for forward day periods. */
  extendOverHolidays: boolean;
  /** What the start date is. */
  from: string;
  label: string;
  basis: string;
}

export const PERIOD_SPECS: Readonly<Record<PeriodKind, PeriodSpec>> = {
  appointBy: {
    kind: 'appointBy',
    length: 3,
    unit: 'days',
    direction: 'after',
    extendOverHolidays: true,
    from: 'notice received',
    label: '确定承办律师并函告法院',
    basis: '实施意见第六条',
  },
  materialsDueBy: {
    kind: 'materialsDueBy',
    length: 10,
    unit: 'days',
    direction: 'before',
    extendOverHolidays: false,
    from: 'trial date',
    label: '通知辩护函及起诉书副本送达',
    basis: '实施意见第四条、第七条；刑事诉讼法第187条',
  },
  contactJudgeBy: {
    kind: 'contactJudgeBy',
    length: 3,
    unit: 'days',
    direction: 'after',
    extendOverHolidays: true,
    from: 'appointment',
    label: '联系案件承办法官',
    basis: '实施意见第十二条',
  },
  fileReviewAndMeetingBy: {
    kind: 'fileReviewAndMeetingBy',
    length: 7,
    unit: 'days',
    direction: 'after',
    extendOverHolidays: true,
    from: 'appointment',
    label: '完成阅卷和会见',
    basis: '实施意见第十二条',
  },
  hearingNoticeMinDays: {
    kind: 'hearingNoticeMinDays',
    length: 3,
    unit: 'days',
    direction: 'before',
    extendOverHolidays: false,
    from: 'hearing date',
    label: '庭前会议、庭审、宣判通知辩护律师',
    basis: '实施意见第十一条',
  },
  fileReadingBy: {
    kind: 'fileReadingBy',
    length: 3,
    unit: 'working_days',
    direction: 'after',
    extendOverHolidays: false,
    from: 'obstacle to file reading removed',
    label: '安排阅卷',
    basis: '实施意见第十三条',
  },
  objectionBy: {
    kind: 'objectionBy',
    length: 15,
    unit: 'days',
    direction: 'after',
    extendOverHolidays: true,
    from: 'decision received',
    label: '对不予法律援助决定提出异议',
    basis: '实施意见第十八条',
  },
  objectionReviewBy: {
    kind: 'objectionReviewBy',
    length: 5,
    unit: 'days',
    direction: 'after',
    extendOverHolidays: true,
    from: 'objection received',
    label: '司法局审查异议',
    basis: '实施意见第十八条',
  },
  // A mandatory defence ended at the defendant's request (or by a permitted refusal) must be
  // restored: he may retain counsel within 5 days, else the court re-notifies within 3 more.
  retainCounselBy: {
    kind: 'retainCounselBy',
    length: 5,
    unit: 'days',
    direction: 'after',
    extendOverHolidays: true,
    from: 'termination at the defendant’s request',
    label: '被告人另行委托辩护人',
    basis: '法律援助法第48条；最高法刑诉解释第50条；实施意见第五条',
  },
  renotifyBy: {
    kind: 'renotifyBy',
    length: 3,
    unit: 'days',
    direction: 'after',
    extendOverHolidays: true,
    from: 'end of the window to retain counsel',
    label: '人民法院通知另行指派律师',
    basis: '最高法刑诉解释第50条；实施意见第五条',
  },
};

/** A center's holiday-extension choices (configuration) as period settings. */
export function holidayExtensionSettings(choices: Partial<Record<PeriodKind, boolean>>): PeriodSettings {
  const out: PeriodSettings = {};
  for (const [kind, extend] of Object.entries(choices) as [PeriodKind, boolean | undefined][]) {
    if (extend !== undefined) out[kind] = { extendOverHolidays: extend };
  }
  return out;
}

export interface PeriodOptions {
  /** Overrides the spec's default (forward day periods only). */
  extendOverHolidays?: boolean;
}

/** A centre's per-period choices, e.g. `{ appointBy: { extendOverHolidays: false } }`. */
export type PeriodSettings = Partial<Record<PeriodKind, PeriodOptions>>;

/** The first working day on or after `date`. Gives up after a year of non-working days (bad data). */
export function nextWorkingDay(date: LocalDate, calendar: WorkdayLookup): LocalDate {
  let d = date;
  for (let i = 0; i <= 366; i++, d = addDays(d, 1)) if (calendar.isWorkday(d)) return d;
  throw new RangeError(`no working day within a year of ${date}`);
}

/** The n-th working day after `date` (the start day itself never counts); n = 0 → `date`. */
export function addWorkingDays(date: LocalDate, n: number, calendar: WorkdayLookup): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = date;
  for (let left = n; left > 0;) {
    d = nextWorkingDay(addDays(d, 1), calendar);
    left--;
  }
  return d;
}

/** The last local date of a period of `kind` starting (or, for backward periods, ending) at `start`. */
export function dueDate(kind: PeriodKind, start: LocalDate, calendar: WorkdayLookup, options: PeriodOptions = {}): LocalDate {
  const spec = PERIOD_SPECS[kind];
  if (spec.direction === 'before') return addDays(start, -spec.length);
  if (spec.unit === 'working_days') return addWorkingDays(start, spec.length, calendar);
  const last = addDays(start, spec.length);
  const extend = options.extendOverHolidays ?? spec.extendOverHolidays;
  return extend ? nextWorkingDay(last, calendar) : last;
}

/** Backward periods need no calendar: the latest date something is due before `eventDate`. */
export function latestDateBefore(kind: 'materialsDueBy' | 'hearingNoticeMinDays', eventDate: LocalDate): LocalDate {
  return addDays(eventDate, -PERIOD_SPECS[kind].length);
}

export interface ReceiptDeadlines {
  appointBy: LocalDate;
  /** Only when the trial date is known. The caller leaves the trial date out for simplified and
   *  fast-track trials, to which the 10-day rule does not apply (CPL Art 219, 224). */
  materialsDueBy?: LocalDate;
}

export function deadlinesOnReceipt(
  receivedLocal: LocalDate,
  trialDate: LocalDate | undefined,
  calendar: WorkdayLookup,
  settings: PeriodSettings = {},
): ReceiptDeadlines {
  const out: ReceiptDeadlines = { appointBy: dueDate('appointBy', receivedLocal, calendar, settings.appointBy) };
  if (trialDate) out.materialsDueBy = latestDateBefore('materialsDueBy', trialDate);
  return out;
}

export interface AppointmentDeadlines {
  contactJudgeBy: LocalDate;
  fileReviewAndMeetingBy: LocalDate;
}

export function deadlinesOnAppointment(
  appointedLocal: LocalDate,
  calendar: WorkdayLookup,
  settings: PeriodSettings = {},
): AppointmentDeadlines {
  return {
    contactJudgeBy: dueDate('contactJudgeBy', appointedLocal, calendar, settings.contactJudgeBy),
    fileReviewAndMeetingBy: dueDate('fileReviewAndMeetingBy', appointedLocal, calendar, settings.fileReviewAndMeetingBy),
  };
}

/** Overdue once the due date has passed: the whole due day is still in time. */
export function isOverdue(due: LocalDate, todayLocal: LocalDate): boolean {
  return todayLocal > due;
}

/**
 * Art 11: hearings are told to the lawyer "至少提前三日". Counted in court-local dates like
 * every other period: told on day T for a hearing on day H is in time when H − T ≥ 3 (T not
 * counted, H the third day), whatever the clock times. Told 10-12 (any hour) for a hearing
 * on 10-15 → in time; for 10-14 → short.
 */
export function hearingNoticeShort(toldAt: Date | string, hearingAt: Date | string, timezone: string): boolean {
  const told = localDateOf(new Date(toldAt), timezone);
  const hearing = localDateOf(new Date(hearingAt), timezone);
  return daysBetween(told, hearing) < PERIOD_SPECS.hearingNoticeMinDays.length;
}
