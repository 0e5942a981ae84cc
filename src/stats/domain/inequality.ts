/**
 * Fairness figures the justice bureau watches (DESIGN: statistics): how evenly appointments
 * spread over the pool. Pure functions over per-lawyer counts.
 */

/**
 * Gini coefficient of non-negative values: 0 = everyone the same, → 1 = one holds everything.
 * Lawyers with no appointment count as zeros — leaving them out would hide unfairness.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  if (values.some((v) => v < 0 || !Number.isFinite(v))) throw new RangeError('gini: values must be finite and ≥ 0');
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  // Σ (2i − n − 1) · x_i / (n · Σx), i from 1, x ascending.
  const weighted = sorted.reduce((s, v, i) => s + (2 * (i + 1) - n - 1) * v, 0);
  return weighted / (n * total);
}

/** Share of the total held by the top `fraction` of holders (at least one holder). */
export function topShare(values: readonly number[], fraction: number): number {
  const total = values.reduce((s, v) => s + v, 0);
  if (values.length === 0 || total === 0) return 0;
  const k = Math.max(1, Math.ceil(values.length * fraction));
  const top = [...values].sort((a, b) => b - a).slice(0, k);
  return top.reduce((s, v) => s + v, 0) / total;
}

/** Rounded for reports: four decimals is finer than anyone reads a fairness figure. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** a ÷ b to four decimals; null when there is nothing to divide by (no cases is not 0 %). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : round4(a / b));
