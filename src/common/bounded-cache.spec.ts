import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it.each([
    ['under the bound: everything kept', 3, ['a', 'b'], ['a', 'b'], []],
    ['at the bound: the oldest goes first', 2, ['a', 'b', 'c'], ['b', 'c'], ['a']],
    ['setting a key again makes it the newest', 2, ['a', 'b', 'a', 'c'], ['a', 'c'], ['b']],
  ])('%s', (_name, max, sets, kept, gone) => {
    const cache = new BoundedCache<string, number>(max);
    sets.forEach((k, i) => cache.set(k, i));
    for (const k of kept) expect(cache.get(k)).toBeDefined();
    for (const k of gone) expect(cache.get(k)).toBeUndefined();
    expect(cache.size).toBe(kept.length);
  });
});
