import { gini, round4, topShare } from './inequality';

/** One lawyer's count of appointments or duty shifts in the period. */
export interface LawyerCount {
  lawyerId: string;
  name: string;
  count: number;
}

export interface HistogramBin {
  /** Inclusive bounds of the count; `from === to` for a single value. */
  from: number;
  to: number;
  lawyers: number;
}

export interface FairnessReport {
  lawyers: number;
  total: number;
  min: number;
  max: number;
  mean: number | null;
  gini: number;
  top10Share: number;
  histogram: HistogramBin[];
  perLawyer: LawyerCount[];
}

/** At most this many bars: past it, counts are grouped into equal ranges. */
const MAX_BINS = 12;

/** How many lawyers hold each count (0 included: a lawyer never appointed is the unfairness to see). */
export function histogram(counts: readonly number[]): HistogramBin[] {
  if (counts.length === 0) return [];
  const max = Math.max(...counts);
  const width = Math.max(1, Math.ceil((max + 1) / MAX_BINS));
  const bins: HistogramBin[] = [];
  for (let from = 0; from <= max; from += width) bins.push({ from, to: Math.min(max, from + width - 1), lawyers: 0 });
  for (const c of counts) bins[Math.floor(c / width)].lawyers += 1;
  return bins;
}

/**
 * Rule 4 (Art 9 fair rotation) and rule 10 (balanced shifts) as the bureau checks them: the
 * spread of counts over every lawyer who could have been chosen, busiest first.
 */
export function fairnessReport(perLawyer: readonly LawyerCount[]): FairnessReport {
  const sorted = [...perLawyer].sort(
    (a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh') || a.lawyerId.localeCompare(b.lawyerId),
  );
  const counts = sorted.map((l) => l.count);
  const total = counts.reduce((s, n) => s + n, 0);
  return {
    lawyers: counts.length,
    total,
    min: counts.length ? Math.min(...counts) : 0,
    max: counts.length ? Math.max(...counts) : 0,
    mean: counts.length ? round4(total / counts.length) : null,
    gini: round4(gini(counts)),
    top10Share: round4(topShare(counts, 0.1)),
    histogram: histogram(counts),
    perLawyer: sorted,
  };
}
