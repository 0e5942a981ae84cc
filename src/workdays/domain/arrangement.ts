import { FieldError } from '../../common/errors';
import { daysBetween, LocalDate, weekday } from '../../common/local-date';

/**
 * A year's holiday arrangement as the State Council publishes it each autumn
 * (国务院办公厅关于<year>年部分节假日安排的通知): each festival's days off, and the
 * make-up workdays (调休). Entered by an admin when the data package has no data for the
 * year yet; it replaces the package's data for that whole year (DESIGN rule 7).
 */
export interface FestivalSpan {
  name: string;
  from: LocalDate;
  to: LocalDate;
}

export interface YearArrangement {
  year: number;
  festivals: FestivalSpan[];
  workdays: LocalDate[];
}

/** No festival break has ever been longer than 9 days (Spring Festival 2025–2026); a month is surely a typo. */
export const MAX_FESTIVAL_DAYS = 31;

const inYear = (date: LocalDate, year: number): boolean => date.startsWith(`${year}-`);

/**
 * What is wrong with an arrangement, per field (empty when it is valid): every date inside
 * the year, festivals in order and not overlapping, make-up workdays on a weekend (a weekday
 * is a working day already), outside every festival and not repeated. A festival crossing
 * New Year (元旦 2023 began 2022-12-31) is entered in each year for its own days.
 */
export function arrangementErrors(a: YearArrangement): FieldError[] {
  const errors: FieldError[] = [];
  a.festivals.forEach((f, i) => {
    const field = `festivals.${i}`;
    if (!inYear(f.from, a.year)) errors.push({ field: `${field}.from`, reason: `must be inside ${a.year}` });
    if (!inYear(f.to, a.year)) errors.push({ field: `${field}.to`, reason: `must be inside ${a.year}` });
    if (f.to < f.from) errors.push({ field: `${field}.to`, reason: 'must not be before from' });
    else if (daysBetween(f.from, f.to) >= MAX_FESTIVAL_DAYS)
      errors.push({ field: `${field}.to`, reason: `a festival lasts at most ${MAX_FESTIVAL_DAYS} days` });
  });
  const sorted = a.festivals.map((f, i) => ({ ...f, i })).sort((x, y) => x.from.localeCompare(y.from));
  for (let k = 1; k < sorted.length; k++) {
    const [prev, cur] = [sorted[k - 1], sorted[k]];
    if (cur.from <= prev.to) errors.push({ field: `festivals.${cur.i}.from`, reason: `overlaps ${prev.name} (${prev.from}..${prev.to})` });
  }
  const seen = new Set<LocalDate>();
  a.workdays.forEach((d, i) => {
    const field = `workdays.${i}`;
    if (!inYear(d, a.year)) errors.push({ field, reason: `must be inside ${a.year}` });
    else if (seen.has(d)) errors.push({ field, reason: `${d} is listed twice` });
    else if (weekday(d) <= 5) errors.push({ field, reason: `${d} is a weekday, a working day already` });
    else {
      const inside = a.festivals.find((f) => f.from <= d && d <= f.to);
      if (inside) errors.push({ field, reason: `${d} is inside ${inside.name}` });
    }
    seen.add(d);
  });
  return errors;
}

/** What the arrangement says of a date of its year. */
export interface ArrangedDay {
  workday: boolean;
  /** The festival a holiday belongs to, or the nearest one for a make-up workday. */
  name?: string;
}

/** The arrangement's answer for every date of its year: festivals off, make-up days on, otherwise Monday–Friday. */
export function arrangedDay(a: YearArrangement, date: LocalDate): ArrangedDay {
  const festival = a.festivals.find((f) => f.from <= date && date <= f.to);
  if (festival) return { workday: false, name: festival.name };
  if (a.workdays.includes(date)) {
    const nearest = nearestFestival(a.festivals, date);
    return nearest ? { workday: true, name: nearest.name } : { workday: true };
  }
  return { workday: weekday(date) <= 5 };
}

function nearestFestival(festivals: readonly FestivalSpan[], date: LocalDate): FestivalSpan | undefined {
  const distance = (f: FestivalSpan) => Math.min(Math.abs(daysBetween(date, f.from)), Math.abs(daysBetween(date, f.to)));
  return [...festivals].sort((x, y) => distance(x) - distance(y))[0];
}
