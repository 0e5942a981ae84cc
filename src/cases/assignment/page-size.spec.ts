import { pageSize } from './candidate-pool';
import type { PoolCounts } from './domain/pool-counts';

const counts = (eligible: number, excluded: number, inactive = 0): PoolCounts => ({
  eligible,
  excluded,
  excludedByReason: inactive ? { INACTIVE: inactive } : {},
});

describe('pageSize: the first page of the ranking holds the 40 eligible lawyers at the pool’s eligible share (issue 16)', () => {
  it.each([
    ['most cases: nine in ten appointable lawyers eligible', counts(8_500, 1_500, 500), 64],
    ['a juvenile case, three in ten with juvenile experience', counts(2_700, 7_300, 500), 256],
    ['inactive lawyers are not in the ranking, so they do not count', counts(900, 9_100, 9_000), 64],
    ['one eligible lawyer in a hundred: capped at 2,048 rows', counts(100, 9_900), 2048],
    ['nobody eligible: the cap', counts(0, 10_000), 2048],
    ['a small pool: at least 64 rows', counts(10, 2), 64],
  ])('%s', (_name, c, rows) => {
    expect(pageSize(c)).toBe(rows);
  });
});
