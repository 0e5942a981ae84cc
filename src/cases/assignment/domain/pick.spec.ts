import { CandidateLawyer, pickLawyer, PickRequest, rollingWindow } from './pick';
import { candidate, pickRequest } from './pick.fixtures';

const lawyer = (id: string, o: Partial<CandidateLawyer> = {}) => candidate(id, { maxOpenCases: 1000, ...o });
const request = pickRequest;

describe('pickLawyer: the explanation (DESIGN rule 6)', () => {
  const pool = [
    lawyer('C1', { recentAppointments: 4, weight: 2, lastAppointedAt: '2026-09-01T02:00:00Z' }),
    lawyer('C2', { recentAppointments: 3 }),
    lawyer('R1', { poolTier: 'reserve' }),
    lawyer('X1', { active: false }),
    lawyer('A0', { openCases: 1000, unavailable: [{ from: '2026-10-10', to: '2026-10-10' }] }),
  ];
  const ex = pickLawyer(pool, request());

  it('ranks every eligible lawyer in global order, 1-based', () => {
    expect(ex.candidates).toEqual([
      {
        lawyerId: 'C1',
        name: '律师C1',
        stableKey: 'C1',
        rank: 1,
        poolTier: 'core',
        recentAppointments: 4,
        weight: 2,
        score: 2,
        lastAppointedAt: '2026-09-01T02:00:00Z',
      },
      {
        lawyerId: 'C2',
        name: '律师C2',
        stableKey: 'C2',
        rank: 2,
        poolTier: 'core',
        recentAppointments: 3,
        weight: 1,
        score: 3,
        lastAppointedAt: null,
      },
      {
        lawyerId: 'R1',
        name: '律师R1',
        stableKey: 'R1',
        rank: 3,
        poolTier: 'reserve',
        recentAppointments: 0,
        weight: 1,
        score: 0,
        lastAppointedAt: null,
      },
    ]);
  });

  it('lists each excluded lawyer with all reasons, ordered by stableKey', () => {
    expect(ex.excluded).toEqual([
      { lawyerId: 'A0', name: '律师A0', reason: 'UNAVAILABLE', reasons: ['UNAVAILABLE', 'AT_CAPACITY'] },
      { lawyerId: 'X1', name: '律师X1', reason: 'INACTIVE', reasons: ['INACTIVE'] },
    ]);
  });

  it('says who was chosen and why, with tier, score and the deciding criterion', () => {
    expect(ex.chosen).toMatchObject({ lawyerId: 'C1', rank: 1, poolTier: 'core', score: 2, decidedBy: 'score' });
    expect(ex.chosen!.why).toContain('律师C1');
    expect(ex.chosen!.why).toContain('核心库');
    expect(ex.chosen!.why).toContain('得分2');
    expect(ex.chosen!.why).toContain('lowest score');
  });

  it('reports the policy it applied', () => {
    expect(ex.policy).toMatchObject({ windowDays: 365, tierOrder: ['core', 'reserve', 'none'], avoidSameFirm: true, minSeniorYears: 3 });
    expect(pickLawyer(pool, request({ windowDays: 180, avoidSameFirm: false })).policy).toMatchObject({
      windowDays: 180,
      avoidSameFirm: false,
    });
  });

  it.each<[string, CandidateLawyer[], string, string]>([
    ['only one eligible', [lawyer('A')], 'only_eligible', 'the only eligible lawyer'],
    ['tier decides (Art 9)', [lawyer('A', { recentAppointments: 9 }), lawyer('B', { poolTier: 'reserve' })], 'tier', 'seed Art 9'],
    [
      'last appointment decides (rule 4)',
      [lawyer('A', { lastAppointedAt: '2026-01-01T00:00:00Z' }), lawyer('B')],
      'last_appointed',
      'longest since',
    ],
    ['stable key decides (rule 4)', [lawyer('B'), lawyer('A')], 'stable_key', 'stable key'],
  ])('why names the tie-break used: %s', (_name, lawyers, by, phrase) => {
    const chosen = pickLawyer(lawyers, request()).chosen!;
    expect(chosen.decidedBy).toBe(by);
    expect(chosen.why).toContain(phrase);
  });

  it('no eligible lawyer → chosen null, every lawyer excluded (409 NO_ELIGIBLE_LAWYER)', () => {
    const none = pickLawyer(
      [lawyer('A', { active: false }), lawyer('B', { juvenileExperience: false }), lawyer('C', { openCases: 1000 })],
      request({ requiresJuvenileExperience: true }),
    );
    expect(none.chosen).toBeNull();
    expect(none.candidates).toEqual([]);
    expect(none.excluded.map((e) => [e.lawyerId, e.reason])).toEqual([
      ['A', 'INACTIVE'],
      ['B', 'NO_JUVENILE_EXPERIENCE'],
      ['C', 'AT_CAPACITY'],
    ]);
  });

  it('an empty pool → chosen null', () => {
    expect(pickLawyer([], request())).toMatchObject({ chosen: null, candidates: [], excluded: [] });
  });

  it('rejects a lawyer listed twice (loader bug)', () => {
    expect(() => pickLawyer([lawyer('A'), lawyer('A')], request())).toThrow(RangeError);
  });

  it('the rolling window is the windowDays days ending on the appointment date', () => {
    expect(rollingWindow('2026-10-10')).toEqual({ from: '2025-10-11', to: '2026-10-10' });
    expect(rollingWindow('2026-10-10', 1)).toEqual({ from: '2026-10-10', to: '2026-10-10' });
  });
});

describe('pickLawyer: case rules end to end', () => {
  it.each<[string, CandidateLawyer[], Partial<PickRequest>, string | null]>([
    [
      'juvenile: a reserve lawyer with experience beats core ones without (Art 8 over Art 9)',
      [lawyer('C', { juvenileExperience: false }), lawyer('R', { poolTier: 'reserve', recentAppointments: 5 })],
      { requiresJuvenileExperience: true },
      'R',
    ],
    [
      'death case: exactly 3 years on the appointment date qualifies (LAL Art 26)',
      [lawyer('J', { criminalPracticeSince: '2023-10-11' }), lawyer('S', { criminalPracticeSince: '2023-10-10', recentAppointments: 3 })],
      { requiresSeniorLawyer: true },
      'S',
    ],
    [
      'co-defendant of the same case: the first defendant’s lawyer and colleagues are skipped (Art 43, bar Art 13)',
      [lawyer('A'), lawyer('A2', { firm: 'A律师事务所' }), lawyer('B', { recentAppointments: 7 })],
      { coDefendantLawyerIds: ['A'], coDefendantFirms: ['A律师事务所'] },
      'B',
    ],
    [
      'same firm allowed when avoidSameFirm is off (bar Art 13, configurable)',
      [lawyer('A'), lawyer('A2', { firm: 'A律师事务所' }), lawyer('B', { recentAppointments: 7 })],
      { coDefendantLawyerIds: ['A'], coDefendantFirms: ['A律师事务所'], avoidSameFirm: false },
      'A2',
    ],
    [
      'related case tried apart: its lawyer is barred (SPC CPL interp. Art 43)',
      [lawyer('A'), lawyer('B', { recentAppointments: 1 })],
      { coDefendantLawyerIds: ['A'], coDefendantFirms: ['A律师事务所'] },
      'B',
    ],
    [
      'refused with a justified reason: re-appointment takes another lawyer (Art 5)',
      [lawyer('A'), lawyer('B', { recentAppointments: 1 })],
      { refusedLawyerIds: ['A'] },
      'B',
    ],
    ['all barred → nobody', [lawyer('A')], { refusedLawyerIds: ['A'] }, null],
  ])('%s', (_name, lawyers, req, expected) => {
    expect(pickLawyer(lawyers, request(req)).chosen?.lawyerId ?? null).toBe(expected);
  });
});

/** Sequential picks, each recorded the way the service would: +1 in the window, new last instant. */
function simulate(pool: CandidateLawyer[], picks: number): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(pool.map((l) => [l.id, 0]));
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < picks; i++) {
    const id = pickLawyer(pool, request()).chosen!.lawyerId;
    const l = pool.find((p) => p.id === id)!;
    l.recentAppointments++;
    l.openCases++;
    l.lastAppointedAt = new Date(t0 + i * 60_000).toISOString();
    counts[id]++;
  }
  return counts;
}

describe('fair rotation over many picks (DESIGN rule 4)', () => {
  it('weight 2 gets twice the share of weight 1; the reserve pool waits (Art 9)', () => {
    const pool = [lawyer('A'), lawyer('B'), lawyer('C', { weight: 2 }), lawyer('R', { poolTier: 'reserve', weight: 5 })];
    expect(simulate(pool, 300)).toEqual({ A: 75, B: 75, C: 150, R: 0 });
  });

  it('weights 1 : 2 : 3 share 300 picks as 50 : 100 : 150', () => {
    const counts = simulate([lawyer('A'), lawyer('B', { weight: 2 }), lawyer('C', { weight: 3 })], 300);
    expect(counts.A).toBeGreaterThanOrEqual(49);
    expect(counts.A).toBeLessThanOrEqual(51);
    expect(counts.B).toBeGreaterThanOrEqual(99);
    expect(counts.B).toBeLessThanOrEqual(101);
    expect(counts.C).toBeGreaterThanOrEqual(149);
    expect(counts.C).toBeLessThanOrEqual(151);
  });

  it('the reserve pool takes over only when the core is at capacity (Art 9, rule 5)', () => {
    const pool = [lawyer('C1', { maxOpenCases: 10 }), lawyer('C2', { maxOpenCases: 10 }), lawyer('R', { poolTier: 'reserve' })];
    expect(simulate(pool, 30)).toEqual({ C1: 10, C2: 10, R: 10 });
  });
});
