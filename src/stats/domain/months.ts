import type { LocalDate } from '../../common/local-date';

/** `YYYY-MM` of a court-local date. */
export const monthOf = (date: LocalDate): string => date.slice(0, 7);

/** Every month the period touches, oldest first: a month with nothing in it is still a row (a gap is a finding). */
export function monthsOf(from: LocalDate, to: LocalDate): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = monthOf(to);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > last) return out;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

/** The items of each month of the period, every month present. */
export function byMonth<T>(months: readonly string[], items: readonly T[], dateOf: (item: T) => LocalDate): Map<string, T[]> {
  const out = new Map<string, T[]>(months.map((m) => [m, []]));
  for (const item of items) out.get(monthOf(dateOf(item)))?.push(item);
  return out;
}
