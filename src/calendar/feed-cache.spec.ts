import { FeedCache } from './feed-cache';

const feed = (bytes: number) => ({ body: Buffer.alloc(bytes), lastModified: '2026-10-12T02:00:00.000Z' });

describe('FeedCache', () => {
  it('evicts the least recently used entries once over its byte budget', () => {
    const cache = new FeedCache(250);
    cache.set('a', feed(100));
    cache.set('b', feed(100));
    expect(cache.get('a')).toBeDefined(); // a is now more recent than b
    cache.set('c', feed(100));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size).toEqual({ entries: 2, bytes: 200 });
  });

  it('does not count a replaced entry twice', () => {
    const cache = new FeedCache(250);
    cache.set('a', feed(100));
    cache.set('a', feed(150));
    expect(cache.size).toEqual({ entries: 1, bytes: 150 });
  });

  it('keeps nothing larger than the budget (a budget of 0 turns caching off)', () => {
    const cache = new FeedCache(0);
    cache.set('a', feed(1));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size.entries).toBe(0);
  });
});
