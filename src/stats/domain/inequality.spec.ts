import { gini, topShare } from './inequality';

describe('gini', () => {
  it.each<[string, number[], number]>([
    ['no lawyers', [], 0],
    ['nobody appointed yet', [0, 0, 0], 0],
    ['perfectly even rotation (rule 4)', [5, 5, 5, 5], 0],
    ['one lawyer takes everything of four', [0, 0, 0, 8], 0.75],
    ['two of four share everything', [0, 0, 4, 4], 0.5],
    ['1, 2, 3', [1, 2, 3], 2 / 9],
  ])('%s → %p', (_name, values, expected) => {
    expect(gini(values)).toBeCloseTo(expected, 10);
  });

  it('does not depend on the order of the lawyers', () => {
    expect(gini([3, 1, 2])).toBeCloseTo(gini([1, 2, 3]), 12);
  });

  it('rejects negative counts', () => {
    expect(() => gini([1, -1])).toThrow(RangeError);
  });
});

describe('topShare', () => {
  it.each<[string, number[], number, number]>([
    ['top 10% of 10 lawyers is the busiest one', [10, 1, 1, 1, 1, 1, 1, 1, 1, 2], 0.1, 0.5],
    ['top 10% of 3 lawyers still names one lawyer', [1, 1, 2], 0.1, 0.5],
    ['even spread: top 10% of 20 holds 10%', Array(20).fill(3), 0.1, 0.1],
    ['nothing appointed', [0, 0], 0.1, 0],
  ])('%s', (_name, values, fraction, expected) => {
    expect(topShare(values, fraction)).toBeCloseTo(expected, 10);
  });
});
