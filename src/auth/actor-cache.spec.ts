import { ACTOR_CACHE_ENTRIES, ACTOR_CACHE_MS, ActorCache } from './actor-cache';

const actor = (id: string) => ({ id, name: id, role: 'dispatcher' as const, lawyerId: null });

describe('token → actor cache (issue 16: revocation at once here, within seconds elsewhere)', () => {
  let t = 0;
  const cache = () => new ActorCache(() => t);

  it.each([
    ['a fresh entry answers', 0, true],
    ['just before the TTL it still answers', ACTOR_CACHE_MS - 1, true],
    ['at the TTL it is gone (other instances see a revocation by then)', ACTOR_CACHE_MS, false],
  ])('%s', (_name, later, hit) => {
    t = 0;
    const c = cache();
    c.set('h', actor('u'));
    t = later;
    expect(c.get('h') !== undefined).toBe(hit);
  });

  it.each([
    ['a revoked token', { userId: 'u', tokenHash: 'h1' }, [false, true]],
    ['every token of a deactivated user', { userId: 'u' }, [false, false]],
  ])('drops %s at once', (_name, revocation, hits) => {
    t = 0;
    const c = cache();
    c.set('h1', actor('u'));
    c.set('h2', actor('u'));
    c.set('h3', actor('v'));
    c.drop(revocation);
    expect([c.get('h1') !== undefined, c.get('h2') !== undefined]).toEqual(hits);
    expect(c.get('h3')).toBeDefined();
  });

  it('is bounded: the oldest entry goes first', () => {
    t = 0;
    const c = cache();
    for (let i = 0; i <= ACTOR_CACHE_ENTRIES; i++) c.set(`h${i}`, actor(`u${i}`));
    expect(c.size).toBe(ACTOR_CACHE_ENTRIES);
    expect(c.get('h0')).toBeUndefined();
    expect(c.get(`h${ACTOR_CACHE_ENTRIES}`)).toBeDefined();
  });
});
