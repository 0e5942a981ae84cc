import { coverageReport } from './coverage';
import { fairnessReport } from './fairness';
import { objectionReport } from './objections';
import { coverageTable, fairnessTable, objectionsTable, percent } from './reports';

describe('report tables', () => {
  it.each<[string, number | null, string]>([
    ['half', 0.5, '50.0%'],
    ['Art 2: nothing to cover is no rate, not 0 %', null, '—'],
    ['two thirds', 0.6667, '66.7%'],
  ])('percent: %s', (_name, x, text) => {
    expect(percent(x)).toBe(text);
  });

  it('coverage: a row per month and the total last (Art 2)', () => {
    const empty = { ...coverageReport([]), routeRates: { appointedDefence: null, dutyHelp: null } };
    const t = coverageTable({
      from: '2026-09-01',
      to: '2026-10-31',
      months: [
        { ...empty, month: '2026-09' },
        { ...empty, month: '2026-10' },
      ],
      total: empty,
    });
    expect(t.rows.map((r) => r[0])).toEqual(['2026-09', '2026-10', '合计']);
    expect(t.rows[2]).toHaveLength(t.columns.length);
    expect(t.rows[2][9]).toBe('—');
  });

  it('fairness: the lawyers busiest first, Gini in the title (rule 4)', () => {
    const t = fairnessTable(
      fairnessReport([
        { lawyerId: 'a', name: '甲', count: 1 },
        { lawyerId: 'b', name: '乙', count: 3 },
      ]),
      'appointments',
    );
    expect(t.rows).toEqual([
      [1, '乙', 3],
      [2, '甲', 1],
    ]);
    expect(t.title).toContain('0.2500');
  });

  it('objections: Art 18 outcomes per month', () => {
    const r = objectionReport(
      [{ filedOn: '2026-10-12', late: false, reviewBy: '2026-10-17', status: 'upheld', decidedOn: '2026-10-13' }],
      '2026-10-20',
    );
    const t = objectionsTable({
      from: '2026-10-01',
      to: '2026-10-31',
      today: '2026-10-20',
      months: [{ ...r, month: '2026-10' }],
      total: r,
    });
    expect(t.rows[1]).toEqual(['合计', 1, 0, 0, 0, 1, 0, 0]);
  });
});
