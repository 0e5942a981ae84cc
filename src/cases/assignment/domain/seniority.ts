import { LocalDate } from '../../../common/local-date';

/** Legal Aid Law 2021 Art 26: life imprisonment or death cases need ≥ 3 years of criminal practice. */
export const MIN_SENIOR_YEARS = 3;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parsed by hand rather than through luxon: this runs once per candidate on pools of
 * 10,000 lawyers, and a full date-library parse per row would dominate the pick.
 */
function parts(date: LocalDate): [number, number, number] {
  const m = LOCAL_DATE.exec(date);
  const y = m ? Number(m[1]) : NaN;
  const mo = m ? Number(m[2]) : NaN;
  const d = m ? Number(m[3]) : NaN;
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`not a local date: ${date}`);
  return [y, mo, d];
}

/**
 * Full years of practice on `onDate`, counted like a birthday: the n-th year is complete
 * on the n-th anniversary itself. A start on 29 February has its anniversary on 28
 * February in common years (Civil Code Art 202: a period with no matching day ends on the
 * month's last day). A start after `onDate` counts as 0, not negative.
 */
export function seniorityYears(criminalPracticeSince: LocalDate, onDate: LocalDate): number {
  const [sy, sm, sd] = parts(criminalPracticeSince);
  const [oy, om, od] = parts(onDate);
  const anniversaryDay = Math.min(sd, daysInMonth(oy, sm));
  const reached = om > sm || (om === sm && od >= anniversaryDay);
  return Math.max(0, oy - sy - (reached ? 0 : 1));
}

/**
 * The latest practice start that has `years` full years on `onDate`. Seniority only grows
 * with an earlier start, so `since <= cutoff` (plain text comparison of LocalDates) is the
 * same test as `seniorityYears(since, onDate) >= years`, done once per pick instead of a
 * date parse per lawyer. On the last day of February the cutoff is the last day of
 * February `years` earlier: a 29 February start's anniversary falls on the 28th.
 */
export function seniorityCutoff(onDate: LocalDate, years: number): LocalDate {
  const [y, m, d] = parts(onDate);
  const cy = y - years;
  const lastOfFeb = m === 2 && d === daysInMonth(y, 2);
  const cd = lastOfFeb ? daysInMonth(cy, 2) : Math.min(d, daysInMonth(cy, m));
  return `${String(cy).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(cd).padStart(2, '0')}`;
}
