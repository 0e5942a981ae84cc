import { weekday, type LocalDate } from '../../common/local-date';
import { minutesOf } from './shift-rules';

/**
 * Spread of a lawyer's shifts over weekdays and half-days (issue 15: "no lawyer is stuck with
 * the same afternoon every week"). The measurable rule, over one roster period:
 * - no weekday holds more than ⌈n/5⌉ + 1 of a lawyer's n shifts;
 * - where the station has as many morning as afternoon templates, mornings and afternoons
 *   are each within one of n/2.
 */

export type Half = 'morning' | 'afternoon';

/** A template starting before noon is a morning slot (上午), any other an afternoon one (下午). */
export function halfOf(start: string): Half {
  return minutesOf(start) < 12 * 60 ? 'morning' : 'afternoon';
}

/** The half-day rule applies only where an even split is possible: as many morning as afternoon templates. */
export function halvesComparable(templateStarts: readonly string[]): boolean {
  const mornings = templateStarts.filter((s) => halfOf(s) === 'morning').length;
  return mornings > 0 && mornings * 2 === templateStarts.length;
}

export interface LawyerSpread {
  /** Shifts on Monday … Sunday (index 0 = Monday). */
  byWeekday: number[];
  morning: number;
  afternoon: number;
}

export interface SpreadCheck {
  /** ⌈n/5⌉ + 1: the most shifts one weekday may hold. */
  weekdayLimit: number;
  weekdayOk: boolean;
  /** null where the station's templates make the half-day rule moot. */
  halvesOk: boolean | null;
}

export function emptySpread(): LawyerSpread {
  return { byWeekday: [0, 0, 0, 0, 0, 0, 0], morning: 0, afternoon: 0 };
}

export function addToSpread(spread: LawyerSpread, date: LocalDate, half: Half): void {
  spread.byWeekday[weekday(date) - 1] += 1;
  spread[half] += 1;
}

export function checkSpread(spread: LawyerSpread, halvesApply: boolean): SpreadCheck {
  const n = spread.byWeekday.reduce((a, b) => a + b, 0);
  const weekdayLimit = Math.ceil(n / 5) + 1;
  const withinHalf = (k: number) => Math.abs(k - n / 2) <= 1;
  return {
    weekdayLimit,
    weekdayOk: Math.max(...spread.byWeekday) <= weekdayLimit,
    halvesOk: halvesApply ? withinHalf(spread.morning) && withinHalf(spread.afternoon) : null,
  };
}

/** Each lawyer's spread over the slots they hold, with the rule's verdict (lawyers holding none included). */
export function spreadFigures(
  lawyerIds: readonly string[],
  slots: ReadonlyArray<{ date: LocalDate; start: string; lawyerId: string | null }>,
  halvesApply: boolean,
): Record<string, LawyerSpread & SpreadCheck> {
  const spreads = new Map(lawyerIds.map((id) => [id, emptySpread()]));
  for (const s of slots) {
    if (!s.lawyerId) continue;
    if (!spreads.has(s.lawyerId)) spreads.set(s.lawyerId, emptySpread());
    addToSpread(spreads.get(s.lawyerId)!, s.date, halfOf(s.start));
  }
  return Object.fromEntries([...spreads].map(([id, sp]) => [id, { ...sp, ...checkSpread(sp, halvesApply) }]));
}
