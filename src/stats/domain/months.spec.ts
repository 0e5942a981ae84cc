import { byMonth, monthsOf } from './months';

describe('monthsOf', () => {
  it.each<[string, string, string, string[]]>([
    ['one day', '2026-10-12', '2026-10-12', ['2026-10']],
    ['a month', '2026-10-01', '2026-10-31', ['2026-10']],
    ['across a year end', '2026-11-20', '2027-02-01', ['2026-11', '2026-12', '2027-01', '2027-02']],
  ])('%s', (_name, from, to, months) => {
    expect(monthsOf(from, to)).toEqual(months);
  });
});

describe('byMonth', () => {
  it('keeps empty months and drops what falls outside', () => {
    const got = byMonth(['2026-09', '2026-10'], ['2026-10-02', '2026-10-31', '2026-11-01'], (d) => d);
    expect([...got]).toEqual([
      ['2026-09', []],
      ['2026-10', ['2026-10-02', '2026-10-31']],
    ]);
  });
});
