import { compareRankKeys, decidedBy, rankEligible, rankKey, scoreOf } from './ranking';
import { candidate } from './pick.fixtures';
import { CandidateLawyer } from './types';

const lawyer = (id: string, o: Partial<CandidateLawyer> = {}) => candidate(id, { firm: `${id}所`, ...o });
const order = (ls: CandidateLawyer[]) => rankEligible(ls).map((k) => k.lawyer.id);

describe('ranking: tier, then score, then tie-breaks (seed Art 9, DESIGN rule 4)', () => {
  it.each<[string, CandidateLawyer[], string[], string]>([
    [
      'core beats reserve even with a far worse score (Art 9)',
      [lawyer('R', { poolTier: 'reserve', recentAppointments: 0 }), lawyer('C', { poolTier: 'core', recentAppointments: 50 })],
      ['C', 'R'],
      'tier',
    ],
    [
      'reserve beats none (Art 9)',
      [lawyer('N', { poolTier: 'none' }), lawyer('R', { poolTier: 'reserve', recentAppointments: 9 })],
      ['R', 'N'],
      'tier',
    ],
    [
      'global order is tier first, score inside each tier (Art 9, rule 4)',
      [
        lawyer('N0', { poolTier: 'none' }),
        lawyer('R5', { poolTier: 'reserve', recentAppointments: 5 }),
        lawyer('C3', { recentAppointments: 3 }),
        lawyer('R1', { poolTier: 'reserve', recentAppointments: 1 }),
        lawyer('C2', { recentAppointments: 2 }),
      ],
      ['C2', 'C3', 'R1', 'R5', 'N0'],
      'score',
    ],
    [
      'fewest appointments per weight wins (rule 4)',
      [lawyer('A', { recentAppointments: 3 }), lawyer('B', { recentAppointments: 2 })],
      ['B', 'A'],
      'score',
    ],
    [
      'weight 2 with 3 appointments (1.5) beats weight 1 with 2 (rule 4)',
      [lawyer('A', { recentAppointments: 2 }), lawyer('B', { recentAppointments: 3, weight: 2 })],
      ['B', 'A'],
      'score',
    ],
    [
      'equal ratios tie (2/2 = 1/1): never appointed beats appointed (rule 4)',
      [lawyer('A', { recentAppointments: 1, lastAppointedAt: '2026-01-01T00:00:00Z' }), lawyer('B', { recentAppointments: 2, weight: 2 })],
      ['B', 'A'],
      'last_appointed',
    ],
    [
      'tie: longest since last appointment first (rule 4)',
      [
        lawyer('A', { recentAppointments: 1, lastAppointedAt: '2026-06-01T00:00:00Z' }),
        lawyer('B', { recentAppointments: 1, lastAppointedAt: '2026-03-01T00:00:00Z' }),
      ],
      ['B', 'A'],
      'last_appointed',
    ],
    [
      'tie: instants compare as instants across offsets (rule 4)',
      [
        lawyer('A', { lastAppointedAt: '2026-03-01T07:00:00+08:00' }), // 2026-02-28T23:00Z: earlier
        lawyer('B', { lastAppointedAt: '2026-03-01T00:00:00Z' }),
      ],
      ['A', 'B'],
      'last_appointed',
    ],
    [
      'full tie: stableKey ascending (rule 4)',
      [
        lawyer('A', { stableKey: '32010120100000002', lastAppointedAt: '2026-03-01T08:00:00+08:00' }),
        lawyer('B', { stableKey: '32010120100000001', lastAppointedAt: '2026-03-01T00:00:00Z' }),
      ],
      ['B', 'A'],
      'stable_key',
    ],
    [
      'full tie between two never appointed: stableKey ascending (rule 4)',
      [lawyer('A', { stableKey: 'k2' }), lawyer('B', { stableKey: 'k1' })],
      ['B', 'A'],
      'stable_key',
    ],
  ])('%s', (_name, lawyers, expected, by) => {
    const ranked = rankEligible(lawyers);
    expect(ranked.map((k) => k.lawyer.id)).toEqual(expected);
    expect(decidedBy(ranked[0], ranked[1])).toBe(by);
  });

  it('a single eligible lawyer is decided as only_eligible', () => {
    const [only] = rankEligible([lawyer('A')]);
    expect(decidedBy(only, undefined)).toBe('only_eligible');
  });

  it('stableKey order is code-unit order, not the locale (determinism)', () => {
    expect(order([lawyer('a', { stableKey: 'b' }), lawyer('B', { stableKey: 'B' }), lawyer('x', { stableKey: 'a' })])).toEqual([
      'B',
      'x',
      'a',
    ]);
  });

  it('gives one order whatever the input order (determinism)', () => {
    const pool = Array.from({ length: 40 }, (_, i) =>
      lawyer(`L${i}`, {
        poolTier: (['core', 'reserve', 'none'] as const)[i % 3],
        recentAppointments: i % 4,
        weight: 1 + (i % 2),
        lastAppointedAt: i % 5 === 0 ? null : `2026-0${1 + (i % 3)}-01T00:00:00Z`,
      }),
    );
    const expected = order(pool);
    let seed = 7;
    for (let round = 0; round < 20; round++) {
      const shuffled = [...pool];
      for (let i = shuffled.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      expect(order(shuffled)).toEqual(expected);
    }
  });

  it('the comparator is antisymmetric, with a total order even on duplicate stable keys', () => {
    const a = rankKey(lawyer('A', { stableKey: 'same' }));
    const b = rankKey(lawyer('B', { stableKey: 'same' }));
    expect(compareRankKeys(a, b)).toBeLessThan(0);
    expect(compareRankKeys(b, a)).toBeGreaterThan(0);
    expect(compareRankKeys(a, a)).toBe(0);
  });

  it('score = recentAppointments / weight', () => {
    expect(scoreOf({ recentAppointments: 3, weight: 2 })).toBe(1.5);
    expect(scoreOf({ recentAppointments: 0, weight: 0.5 })).toBe(0);
  });
});

describe('ranking rejects rows that would sort arbitrarily', () => {
  it.each<[string, Partial<CandidateLawyer>]>([
    ['weight 0', { weight: 0 }],
    ['negative weight', { weight: -1 }],
    ['NaN weight', { weight: NaN }],
    ['infinite weight', { weight: Infinity }],
    ['negative recentAppointments', { recentAppointments: -1 }],
    ['unknown poolTier', { poolTier: 'gold' as never }],
    ['date-only lastAppointedAt (zone-dependent)', { lastAppointedAt: '2026-01-01' }],
    ['unparseable lastAppointedAt', { lastAppointedAt: 'yesterday' }],
  ])('%s', (_name, o) => {
    expect(() => rankKey(lawyer('A', o))).toThrow(RangeError);
  });
});
