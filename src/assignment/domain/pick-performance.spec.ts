import { performance } from 'node:perf_hooks';
import { CandidateLawyer, pickLawyer, PickRequest } from './pick';

/**
 * A sanity run, not a benchmark (those live in bench/): a province pool of 10,000 lawyers
 * with every rule active. The bound is ten times the 50 ms target so a slow CI box does not
 * flake; a quadratic slip (10^8 steps) would still blow through it.
 */
function pool(n: number): CandidateLawyer[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `L${i}`,
    name: `律师${i}`,
    firm: `律师事务所${i % 900}`,
    active: i % 50 !== 0,
    suspended: i % 97 === 0,
    juvenileExperience: i % 3 !== 0,
    criminalPracticeSince: `20${String(10 + (i % 16)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    poolTier: (['core', 'reserve', 'none'] as const)[i % 3],
    weight: 1 + (i % 3),
    maxOpenCases: 10,
    openCases: i % 11,
    recentAppointments: i % 17,
    lastAppointedAt: i % 7 === 0 ? null : new Date(Date.UTC(2026, i % 9, 1 + (i % 28), i % 24)).toISOString(),
    unavailable: i % 13 === 0 ? [{ from: '2026-10-01', to: '2026-10-15' }, { from: '2026-12-01', to: '2026-12-03' }] : [],
    stableKey: String(32010120100000000 + i),
  }));
}

describe('performance sanity: 10,000 candidates (O(n log n))', () => {
  it('picks with every rule on, including long conflict and refusal lists', () => {
    const lawyers = pool(10_000);
    const ids = lawyers.map((l) => l.id);
    const request: PickRequest = {
      appointmentDate: '2026-10-10',
      requiresJuvenileExperience: true,
      requiresSeniorLawyer: true,
      refusedLawyerIds: ids.filter((_, i) => i % 5 === 1),
      coDefendantLawyerIds: ids.filter((_, i) => i % 4 === 2),
      coDefendantFirms: Array.from({ length: 300 }, (_, i) => `律师事务所${i * 3}`),
    };
    pickLawyer(lawyers, request); // warm-up: JIT, regexes
    const runs = 5;
    const start = performance.now();
    let result = pickLawyer(lawyers, request);
    for (let i = 1; i < runs; i++) result = pickLawyer(lawyers, request);
    const perPick = (performance.now() - start) / runs;
    console.log(`pickLawyer on 10,000 candidates: ${perPick.toFixed(1)} ms per pick, ${result.candidates.length} eligible`);
    expect(result.chosen).not.toBeNull();
    expect(result.candidates.length + result.excluded.length).toBe(10_000);
    expect(perPick).toBeLessThan(500);
  });
});
