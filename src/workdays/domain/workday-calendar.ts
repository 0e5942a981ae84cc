import officialData from 'chinese-days/dist/chinese-days.json';
import { addDays, eachDate, isLocalDate, LocalDate, weekday } from '../../common/local-date';
import { arrangedDay, YearArrangement } from './arrangement';
import { WorkdayLookup } from './workday-lookup';

/**
 * The official working-day calendar (DESIGN rule 7, CPL Art 105; rule 10 roster days):
 * the State Council's yearly holiday arrangement from the maintained `chinese-days`
 * package, corrected by admin overrides, with a Monday–Friday fallback for years the
 * package does not cover yet (which the calendar reports, so nothing relies on it silently).
 *
 * Why the package's JSON and not its `isWorkday()` functions: the functions build and query
 * their table through the *process* time zone (`new Date(Date.UTC(...))` then local getters),
 * so on a server west of UTC every lookup is shifted by one day (checked with
 * TZ=America/New_York: 2026-10-10 comes back "Saturday, not a workday"). The JSON data file
 * is a documented artefact of the same package (README "JSON 文件"), keyed by plain dates,
 * so a table lookup is time-zone free and also cheap. The spec cross-checks both agree.
 */

/** `"National Day,国庆节,3"`: English name, Chinese name, statutory days of the festival. */
interface OfficialTables {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}
const DATA = officialData as unknown as OfficialTables;

const YEARS_WITH_DATA: ReadonlySet<number> = new Set(
  [...Object.keys(DATA.holidays), ...Object.keys(DATA.workdays)].map((d) => Number(d.slice(0, 4))),
);

/**
 * Years the installed package has official arrangements for, read from its data
 * (chinese-days 1.5.7: 2004–2026). The package publishes each year after the State
 * Council's notice (usually in November), so upgrading it moves `last`.
 */
export const DATA_YEARS: Readonly<{ first: number; last: number }> = Object.freeze({
  first: Math.min(...YEARS_WITH_DATA),
  last: Math.max(...YEARS_WITH_DATA),
});

export interface WorkdayOverrideInput {
  date: LocalDate;
  workday: boolean;
  note?: string;
}

export type WorkdaySource = 'override' | 'arrangement' | 'data' | 'weekend-fallback';

export interface DayDescription {
  date: LocalDate;
  workday: boolean;
  /**
   * override: an admin said so; arrangement: the year's State Council arrangement as an admin
   * entered it; data: the official arrangement (or an ordinary day of a covered year);
   * weekend-fallback: year not covered, Mon–Fri assumed.
   */
  source: WorkdaySource;
  /** Festival name (Chinese) for a holiday or a make-up workday 调休 of it, e.g. 国庆节. */
  name?: string;
  nameEn?: string;
  /** The admin's note of an override. */
  note?: string;
}

export interface CalendarDataWarning {
  code: 'CALENDAR_DATA_MISSING';
  message: string;
  years: number[];
}

/** The warning to show with a roster / deadline computed over years without official data; null when there are none. */
export function calendarDataWarning(uncoveredYears: readonly number[]): CalendarDataWarning | null {
  if (uncoveredYears.length === 0) return null;
  const years = [...uncoveredYears].sort((a, b) => a - b);
  const list = years.join(', ');
  return {
    code: 'CALENDAR_DATA_MISSING',
    message:
      `节假日数据缺少 ${list} 年的官方安排，工作日暂按周一至周五计算；请在国务院公布安排后录入调整或升级数据包。` +
      ` / No official holiday data for ${list}: working days fall back to Monday–Friday;` +
      ` enter overrides once the State Council publishes the arrangement, or upgrade the data package.`,
    years,
  };
}

/** Splits the package's `"English,中文,days"` label. */
function festival(label: string): { name: string; nameEn: string } {
  const [nameEn, name] = label.split(',');
  return { name: name ?? nameEn, nameEn };
}

function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

function assertDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new RangeError(`not a local date (YYYY-MM-DD): ${String(date)}`);
}

/** How far `nextWorkday` looks before giving up: no real calendar has a year without a working day. */
const MAX_SEARCH_DAYS = 366;

export class WorkdayCalendar implements WorkdayLookup {
  private readonly overrides = new Map<LocalDate, WorkdayOverrideInput>();
  private readonly overrideYears = new Set<number>();
  private readonly arrangements = new Map<number, YearArrangement>();
  /** Roster generation asks the same dates again and again (50 stations × 1 year): memoise per date. */
  private readonly memo = new Map<LocalDate, DayDescription>();

  /**
   * Precedence: an override of the date, then the year's entered arrangement, then the
   * package data, then Monday–Friday. Overrides are unique per date in the database; if a
   * list repeats a date, the later entry wins.
   */
  constructor(overrides: readonly WorkdayOverrideInput[] = [], arrangements: readonly YearArrangement[] = []) {
    for (const o of overrides) {
      assertDate(o.date);
      this.overrides.set(o.date, o);
      this.overrideYears.add(yearOf(o.date));
    }
    for (const a of arrangements) this.arrangements.set(a.year, a);
  }

  isWorkday(date: LocalDate): boolean {
    return this.describe(date).workday;
  }

  describe(date: LocalDate): DayDescription {
    const hit = this.memo.get(date);
    if (hit) return hit;
    assertDate(date);
    const result = Object.freeze(this.compute(date));
    this.memo.set(date, result);
    return result;
  }

  /** The first working day strictly after `date` (CPL Art 105: a period ending on a holiday moves to it). */
  nextWorkday(date: LocalDate): LocalDate {
    assertDate(date);
    let d = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) return d;
    }
    throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days after ${date}`);
  }

  /** Working days from `from` to `to`, both included, in order. */
  workdaysBetween(from: LocalDate, to: LocalDate): LocalDate[] {
    assertDate(from);
    assertDate(to);
    return eachDate(from, to).filter((d) => this.isWorkday(d));
  }

  /**
   * Years of [from, to] outside the package data. A year counts as covered as soon as the
   * admins have entered at least one override in it: entering a year's holidays by hand is
   * how a center fills a gap before the package is upgraded, and we cannot tell a partial
   * entry from a complete one — the override screen shows which dates were entered. An
   * entered arrangement (`arrangement.ts`) covers its year.
   */
  coverage(from: LocalDate, to: LocalDate): { uncoveredYears: number[] } {
    assertDate(from);
    assertDate(to);
    if (to < from) throw new RangeError(`range ends before it starts: ${from}..${to}`);
    const uncoveredYears: number[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      if (!YEARS_WITH_DATA.has(y) && !this.overrideYears.has(y) && !this.arrangements.has(y)) uncoveredYears.push(y);
    }
    return { uncoveredYears };
  }

  /** `calendarDataWarning(coverage(from, to).uncoveredYears)`. */
  coverageWarning(from: LocalDate, to: LocalDate): CalendarDataWarning | null {
    return calendarDataWarning(this.coverage(from, to).uncoveredYears);
  }

  private compute(date: LocalDate): DayDescription {
    const override = this.overrides.get(date);
    if (override) {
      const desc: DayDescription = { date, workday: override.workday, source: 'override' };
      if (override.note) desc.note = override.note;
      return desc;
    }
    const arrangement = this.arrangements.get(yearOf(date));
    if (arrangement) return { date, source: 'arrangement', ...arrangedDay(arrangement, date) };
    const makeUp = DATA.workdays[date];
    if (makeUp) return { date, workday: true, source: 'data', ...festival(makeUp) };
    const holiday = DATA.holidays[date];
    if (holiday) return { date, workday: false, source: 'data', ...festival(holiday) };
    const mondayToFriday = weekday(date) <= 5;
    return { date, workday: mondayToFriday, source: YEARS_WITH_DATA.has(yearOf(date)) ? 'data' : 'weekend-fallback' };
  }
}
