import { fairnessReport, histogram, LawyerCount } from './fairness';

describe('histogram', () => {
  it.each<[string, number[], Array<[number, number, number]>]>([
    ['no lawyers', [], []],
    [
      'rule 4: an even rotation is one bar',
      [2, 2, 2],
      [
        [0, 0, 0],
        [1, 1, 0],
        [2, 2, 3],
      ],
    ],
    [
      'rule 4: never-appointed lawyers are a bar at 0',
      [0, 0, 3],
      [
        [0, 0, 2],
        [1, 1, 0],
        [2, 2, 0],
        [3, 3, 1],
      ],
    ],
    [
      'wide counts are grouped into at most 12 ranges',
      [0, 5, 23, 24],
      [
        [0, 2, 1],
        [3, 5, 1],
        [6, 8, 0],
        [9, 11, 0],
        [12, 14, 0],
        [15, 17, 0],
        [18, 20, 0],
        [21, 23, 1],
        [24, 24, 1],
      ],
    ],
  ])('%s', (_name, counts, bins) => {
    expect(histogram(counts).map((b) => [b.from, b.to, b.lawyers])).toEqual(bins);
  });
});

describe('fairnessReport', () => {
  const l = (name: string, count: number): LawyerCount => ({ lawyerId: name, name, count });

  it('rule 10: balanced duty shifts (max − min ≤ 1) read as a low Gini', () => {
    const r = fairnessReport([l('甲', 3), l('乙', 2), l('丙', 3)]);
    expect(r).toMatchObject({ lawyers: 3, total: 8, min: 2, max: 3, mean: 2.6667, gini: 0.0833, top10Share: 0.375 });
    // Busiest first; equal counts in name order.
    expect(r.perLawyer.map((x) => x.count)).toEqual([3, 3, 2]);
    expect(r.perLawyer[2]).toEqual(l('乙', 2));
  });

  it('rule 4 (Art 9): one lawyer with every appointment of four', () => {
    expect(fairnessReport([l('甲', 0), l('乙', 0), l('丙', 0), l('丁', 8)])).toMatchObject({ gini: 0.75, top10Share: 1, max: 8, min: 0 });
  });

  it('nobody to count', () => {
    expect(fairnessReport([])).toMatchObject({ lawyers: 0, total: 0, mean: null, gini: 0, histogram: [] });
  });
});
