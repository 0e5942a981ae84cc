import { randomUUID } from 'node:crypto';
import { storable } from './assignment.service';
import { HEAD_CANDIDATES, NEAREST_EXCLUDED } from './candidate-pool';
import { candidate, pickRequest } from './domain/pick.fixtures';
import { pickLawyer } from './domain/pick';

/** The head the pool loads for a 10,000-lawyer juvenile case: 40 eligible, 20 excluded, real-sized ids and names. */
function head() {
  const lawyers = Array.from({ length: HEAD_CANDIDATES + NEAREST_EXCLUDED }, (_, i) =>
    candidate(randomUUID(), {
      name: `欧阳律师${i}号`,
      stableKey: `1${String(i).padStart(16, '0')}`,
      juvenileExperience: i < HEAD_CANDIDATES,
      recentAppointments: 20 + (i % 7),
      weight: i % 5 === 0 ? 1.5 : 1,
      lastAppointedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    }),
  );
  const request = pickRequest({ requiresJuvenileExperience: true, refusedLawyerIds: [randomUUID()], coDefendantFirms: ['某某律师事务所'] });
  return { explanation: pickLawyer(lawyers, request), request };
}

describe('the stored explanation (rule 6, issue 16)', () => {
  const counts = { eligible: 2_400, excluded: 7_600, excludedByReason: { NO_JUVENILE_EXPERIENCE: 7_000, INACTIVE: 500, AT_CAPACITY: 100 } };

  it('a 10,000-lawyer juvenile pick stores at most 16 KiB', () => {
    const { explanation, request } = head();
    const json = JSON.stringify(storable(explanation, counts, request));
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(16 * 1024);
  });

  it('keeps the whole pool in counts and the names beside the ids', () => {
    const { explanation, request } = head();
    const s = storable(explanation, counts, request);
    expect(s).toMatchObject({ eligibleCount: 2_400, excludedCount: 7_600, algorithmVersion: 2, request });
    expect(s.candidates).toHaveLength(HEAD_CANDIDATES);
    expect(s.candidates[0]).toMatchObject({ rank: 1, name: expect.stringContaining('律师') });
    expect(s.excluded[0]).toMatchObject({ name: expect.stringContaining('律师'), reason: 'NO_JUVENILE_EXPERIENCE' });
  });
});
