import { CandidateLawyer, explainManualOverride, ExclusionReason, pickLawyer, PickRequest } from './pick';
import { candidate, pickRequest } from './pick.fixtures';

const lawyer = candidate;
const request = pickRequest;

describe('manual override: hard reasons refuse it (DESIGN rule 6)', () => {
  it.each<[string, Partial<CandidateLawyer>, Partial<PickRequest>, ExclusionReason]>([
    ['inactive (rule 5)', { active: false }, {}, 'INACTIVE'],
    ['suspended (rule 5)', { suspended: true }, {}, 'INACTIVE'],
    ['on leave (rule 5)', { unavailable: [{ from: '2026-10-09', to: '2026-10-11' }] }, {}, 'UNAVAILABLE'],
    [
      'no juvenile experience in a juvenile case (seed Art 8)',
      { juvenileExperience: false },
      { requiresJuvenileExperience: true },
      'NO_JUVENILE_EXPERIENCE',
    ],
    [
      'under 3 years in a death case (LAL 2021 Art 26)',
      { criminalPracticeSince: '2024-01-01' },
      { requiresSeniorLawyer: true },
      'INSUFFICIENT_EXPERIENCE',
    ],
    ['at capacity (rule 5)', { openCases: 10 }, {}, 'AT_CAPACITY'],
    ['defends a co-defendant (SPC CPL interp. Art 43)', {}, { coDefendantLawyerIds: ['X'] }, 'CONFLICT_CO_DEFENDANT'],
    ['refused by this defendant (seed Art 5)', {}, { refusedLawyerIds: ['X'] }, 'REFUSED_BY_DEFENDANT'],
    [
      'hard reason named even when a soft one is also present (Art 13 + Art 5)',
      {},
      { refusedLawyerIds: ['X'], coDefendantFirms: ['X律师事务所'] },
      'REFUSED_BY_DEFENDANT',
    ],
  ])('%s → not allowed, 409 naming %s', (_name, o, req, reason) => {
    const pool = [lawyer('A'), lawyer('X', o)];
    const result = explainManualOverride(pool, request(req), 'X', '家属要求');
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result).toMatchObject({ code: 'OVERRIDE_NOT_ALLOWED', lawyerId: 'X', reason });
    expect(result.reasons).toContain(reason);
    expect(result.message).toContain(reason);
    // The 409 carries the automatic pick, so the dispatcher sees who is eligible instead.
    expect(result.explanation).toEqual(pickLawyer(pool, request(req)));
  });
});

describe('manual override: allowed cases', () => {
  it('an eligible lawyer below rank 1 is chosen, with the system rank and the reason in why', () => {
    const pool = [lawyer('A'), lawyer('B', { recentAppointments: 2 }), lawyer('C', { active: false })];
    const result = explainManualOverride(pool, request(), 'B', '被告人家属指定');
    expect(result.allowed).toBe(true);
    if (!result.allowed) return;
    expect(result.warnings).toEqual([]);
    const auto = pickLawyer(pool, request());
    expect(result.explanation.candidates).toEqual(auto.candidates);
    expect(result.explanation.excluded).toEqual(auto.excluded);
    expect(result.explanation.chosen).toMatchObject({ lawyerId: 'B', rank: 2, decidedBy: 'manual_override', score: 2 });
    expect(result.explanation.chosen!.why).toContain('系统排序第2位');
    expect(result.explanation.chosen!.why).toContain('律师A');
    expect(result.explanation.chosen!.why).toContain('被告人家属指定');
  });

  it('overriding onto the automatic pick itself is fine', () => {
    const result = explainManualOverride([lawyer('A')], request(), 'A');
    expect(result.allowed && result.explanation.chosen).toMatchObject({ lawyerId: 'A', rank: 1, decidedBy: 'manual_override' });
  });

  it('same firm as a co-defendant’s lawyer is soft: allowed with a warning (bar rules 2017 Art 13)', () => {
    const pool = [lawyer('A'), lawyer('S', { firm: 'Q律师事务所' })];
    const req = request({ coDefendantLawyerIds: ['Q'], coDefendantFirms: ['Q律师事务所'] });
    const result = explainManualOverride(pool, req, 'S', '各被告人书面同意');
    expect(result.allowed).toBe(true);
    if (!result.allowed) return;
    expect(result.warnings).toEqual(['SAME_FIRM_AS_CO_DEFENDANT']);
    expect(result.explanation.chosen).toMatchObject({ lawyerId: 'S', rank: null, decidedBy: 'manual_override' });
    expect(result.explanation.chosen!.why).toContain('同所');
    // The stored explanation still records that the automatic pick excluded this lawyer.
    expect(result.explanation.excluded).toEqual([
      { lawyerId: 'S', name: '律师S', reason: 'SAME_FIRM_AS_CO_DEFENDANT', reasons: ['SAME_FIRM_AS_CO_DEFENDANT'] },
    ]);
  });

  it('soft override works when nobody else is eligible', () => {
    const req = request({ coDefendantFirms: ['S律师事务所'] });
    const result = explainManualOverride([lawyer('S')], req, 'S');
    expect(result.allowed && result.explanation.chosen!.why).toContain('无自动候选');
  });

  it('an id missing from the candidates is a caller bug and throws', () => {
    expect(() => explainManualOverride([lawyer('A')], request(), 'nobody')).toThrow(RangeError);
  });
});
