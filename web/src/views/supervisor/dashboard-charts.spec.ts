import { describe, expect, it } from 'vitest';
import { fairnessReport } from '../../../../src/stats/domain/fairness';
import { coverageReport, routeRates } from '../../../../src/stats/domain/coverage';
import { coverageChart, histogramChart } from './dashboard-charts';

describe('dashboard charts', () => {
  it('draws rates in per cent and a month with nothing to measure as a gap (Art 2)', () => {
    const empty = coverageReport([]);
    const month = { ...empty, coverageRate: 0.6667, month: '2026-10', routeRates: { ...routeRates(empty), appointedDefence: 0.5 } };
    const option = coverageChart({ from: '2026-10-01', to: '2026-10-31', months: [month], total: { ...month } });
    const series = option.series as Array<{ name: string; data: (number | null)[] }>;
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['辩护率', [66.7]],
      ['指派辩护', [50]],
      ['值班律师法律帮助', [null]],
    ]);
  });

  it('labels grouped histogram bars by their range (rule 4)', () => {
    const option = histogramChart(fairnessReport([0, 5, 23, 24].map((count, i) => ({ lawyerId: `${i}`, name: `${i}`, count }))), '指派');
    expect((option.xAxis as { data: string[] }).data.slice(0, 2)).toEqual(['0–2', '3–5']);
  });
});
