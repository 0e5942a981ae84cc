import { sortableId } from './columns';

describe('sortableId', () => {
  it('sorts in creation order even when the clock stands still or steps back', () => {
    const still = new Date('2026-10-12T02:00:00Z');
    const ids = [sortableId(still), sortableId(still), sortableId(new Date('2026-10-12T01:59:00Z')), sortableId(still)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
