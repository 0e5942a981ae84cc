/**
 * The dashboard's chart options from the API's reports: pure (vitest), so what a chart draws
 * is the same data its table and its downloads hold. Rates are drawn in per cent; a month with
 * nothing to measure is a gap, not 0 %.
 */
import type { ChartOption } from '../../components/charts';
import type { DeadlinesReport, MonthlyCoverage, ObjectionsReport } from '../../api/stats';
import type { FairnessReport } from '../../../../src/stats/domain/fairness';

const pct = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 10);

const base = (months: string[], percent: boolean): ChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 48, right: 16, top: 36, bottom: 28 },
  xAxis: { type: 'category', data: months },
  yAxis: percent ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } : { type: 'value', minInterval: 1 },
});

export function coverageChart(r: MonthlyCoverage): ChartOption {
  const months = r.months.map((m) => m.month);
  const line = (name: string, data: (number | null)[]) => ({ name, type: 'line' as const, data, connectNulls: false });
  return {
    ...base(months, true),
    series: [
      line('辩护率', r.months.map((m) => pct(m.coverageRate))),
      line('指派辩护', r.months.map((m) => pct(m.routeRates.appointedDefence))),
      line('值班律师法律帮助', r.months.map((m) => pct(m.routeRates.dutyHelp))),
    ],
  };
}

export function deadlinesChart(r: DeadlinesReport): ChartOption {
  return {
    ...base(r.months.map((m) => m.month), true),
    series: [
      { name: '三日内指派（第六条）', type: 'bar', data: r.months.map((m) => pct(m.art6.rate)) },
      { name: '七日内申请阅卷（第十二条）', type: 'bar', data: r.months.map((m) => pct(m.art12.rate)) },
    ],
  };
}

/** How many lawyers hold each count: a fair rotation is one tall bar. */
export function histogramChart(r: FairnessReport, noun: string): ChartOption {
  const bins = r.histogram.map((b) => (b.from === b.to ? `${b.from}` : `${b.from}–${b.to}`));
  return {
    ...base(bins, false),
    legend: { show: false },
    xAxis: { type: 'category', data: bins, name: `${noun}次数`, nameLocation: 'middle', nameGap: 22 },
    series: [{ name: '律师人数', type: 'bar', data: r.histogram.map((b) => b.lawyers) }],
  };
}

export function objectionsChart(r: ObjectionsReport): ChartOption {
  const bar = (name: string, data: number[]) => ({ name, type: 'bar' as const, stack: 'outcome', data });
  return {
    ...base(r.months.map((m) => m.month), false),
    series: [
      bar('维持原决定', r.months.map((m) => m.upheld)),
      bar('责令提供法律援助', r.months.map((m) => m.aidOrdered)),
      bar('待审查', r.months.map((m) => m.pending)),
    ],
  };
}
