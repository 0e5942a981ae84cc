import type { LocalDate } from '../../common/local-date';
import type { RosterFairness } from './roster-generator';
import { halvesComparable, spreadFigures } from './roster-spread';

/**
 * A roster as it stands now rather than as generated (DESIGN rule 10): the dispatcher changes
 * slots of a draft and overrides published shifts, lawyers swap, so the figures stored at
 * generation go stale. Pure: the caller passes the roster's shifts as they are.
 */

export interface HeldSlot {
  date: LocalDate;
  templateName: string;
  start: string;
  end: string;
  lawyerId: string | null;
  unfilledReason: string | null;
}

export interface RosterWarningLike {
  code: string;
  message: string;
  date?: string;
  lawyerId?: string;
  years?: number[];
}

/**
 * Fairness over the current holders. Each lawyer's history (published shifts before the period)
 * is what generation counted: cumulative − perLawyer as stored. A lawyer who joined the roster
 * only by a change has no stored history here, so counts from zero. The spread is counted again
 * over the current holders (where the roster has one); other stored figures are kept as they were.
 */
export function currentFairness(stored: RosterFairness, slots: readonly HeldSlot[]): RosterFairness {
  const perLawyer: Record<string, number> = {};
  for (const id of Object.keys(stored.perLawyer)) perLawyer[id] = 0;
  for (const s of slots) if (s.lawyerId) perLawyer[s.lawyerId] = (perLawyer[s.lawyerId] ?? 0) + 1;
  const cumulative: Record<string, number> = {};
  for (const id of Object.keys(perLawyer)) {
    const history = (stored.cumulative[id] ?? 0) - (stored.perLawyer[id] ?? 0);
    cumulative[id] = history + perLawyer[id];
  }
  const totals = Object.values(cumulative);
  const min = totals.length ? Math.min(...totals) : 0;
  const max = totals.length ? Math.max(...totals) : 0;
  const starts = [...new Map(slots.map((s) => [s.templateName, s.start])).values()];
  const spread = stored.spread ? { spread: spreadFigures(Object.keys(perLawyer), slots, halvesComparable(starts)) } : {};
  return { ...stored, min, max, perLawyer, cumulative, ...spread };
}

const HELD_CODES = new Set(['SECOND_SHIFT_SAME_DAY', 'CONSECUTIVE_DAYS']);

/**
 * Warnings that still hold: one UNFILLED_SHIFT per slot still empty, UNBALANCED from the current
 * figures, a lawyer's soft-rule warning only while they still hold a shift that day; the
 * calendar's warnings (CALENDAR_DATA_MISSING) and anything else unchanged.
 */
export function currentWarnings(
  stored: readonly RosterWarningLike[],
  slots: readonly HeldSlot[],
  fairness: RosterFairness,
): RosterWarningLike[] {
  const holds = (lawyerId: string | undefined, date: string | undefined) => slots.some((s) => s.lawyerId === lawyerId && s.date === date);
  const kept = stored.filter((w) => {
    if (w.code === 'UNFILLED_SHIFT' || w.code === 'UNBALANCED') return false;
    return HELD_CODES.has(w.code) ? holds(w.lawyerId, w.date) : true;
  });
  const unfilled = slots
    .filter((s) => !s.lawyerId)
    .map((s) => ({
      code: 'UNFILLED_SHIFT',
      date: s.date,
      message: `${s.date} ${s.templateName} ${s.start}–${s.end} 无人值班 / unfilled (${s.unfilledReason ?? 'cleared'})`,
    }));
  const balance =
    fairness.max - fairness.min > 1
      ? [
          {
            code: 'UNBALANCED',
            message: `班次不均：累计（含已发布排班）最少 ${fairness.min} 次、最多 ${fairness.max} 次 / unbalanced: ${fairness.min}..${fairness.max} cumulative shifts`,
          },
        ]
      : [];
  return [...kept, ...unfilled, ...balance];
}
