import type { PlannedShift, RosterFairness, RosterWarning } from './roster-plan';
import { spreadFigures } from './roster-spread';

/** What the fairness figures need of each lawyer's state at the end of generation. */
export interface TalliedLawyer {
  id: string;
  /** History + this roster. */
  total: number;
  /** This roster. */
  period: number;
  preferred: ReadonlySet<number>;
}

/** Counts after the spread pass: the swaps moved shifts between lawyers, never changed how many each holds. */
export function fairnessOf(states: readonly TalliedLawyer[], shifts: readonly PlannedShift[], halvesApply: boolean): RosterFairness {
  const perLawyer: Record<string, number> = {};
  const cumulative: Record<string, number> = {};
  for (const s of states) {
    perLawyer[s.id] = s.period;
    cumulative[s.id] = s.total;
  }
  const spread = spreadFigures(
    states.map((s) => s.id),
    shifts,
    halvesApply,
  );
  const totals = states.map((s) => s.total);
  return { min: totals.length ? Math.min(...totals) : 0, max: totals.length ? Math.max(...totals) : 0, perLawyer, cumulative, spread };
}

/** Warnings about the whole plan: a lawyer's shifts bunched (UNEVEN_SPREAD), counts apart (UNBALANCED). */
export function closingWarnings(f: RosterFairness, states: readonly TalliedLawyer[]): RosterWarning[] {
  const out: RosterWarning[] = [];
  for (const s of states) {
    const sp = f.spread![s.id];
    // A lawyer who named preferred weekdays is meant to bunch on them.
    if (s.preferred.size === 0 && (!sp.weekdayOk || sp.halvesOk === false)) {
      out.push({
        code: 'UNEVEN_SPREAD',
        lawyerId: s.id,
        message: `${s.id}: 班次集中于同一星期或时段 / shifts bunched on one weekday or half-day (by weekday ${sp.byWeekday.join('/')}, mornings ${sp.morning}, afternoons ${sp.afternoon}); leave or blocked weekdays left too little choice`,
      });
    }
  }
  if (f.max - f.min > 1) {
    out.push({
      code: 'UNBALANCED',
      message: `班次不均：累计（含已发布排班）最少 ${f.min} 次、最多 ${f.max} 次 / unbalanced: cumulative shifts (history counted) range from ${f.min} to ${f.max}; leave or an uneven history left too few slots to even out`,
    });
  }
  return out;
}
