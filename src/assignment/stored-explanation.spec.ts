import { STORED_CANDIDATES, storable } from './assignment.service';
import { PickExplanation } from './domain/pick';

const explanation = (eligible: number): PickExplanation => ({
  chosen: null,
  candidates: Array.from({ length: eligible }, (_, i) => ({
    lawyerId: `L${i}`, rank: i + 1, poolTier: 'core', recentAppointments: 0, weight: 1, score: 0, lastAppointedAt: null,
  })),
  excluded: Array.from({ length: 300 }, (_, i) => ({ lawyerId: `X${i}`, reason: 'INACTIVE', reasons: ['INACTIVE'] })),
  policy: { windowDays: 365, tierOrder: ['core'], score: '', tieBreaks: [], avoidSameFirm: true, minSeniorYears: 3, reasonPriority: [] },
});

describe('the stored explanation (rule 6)', () => {
  it.each([
    ['a small pool keeps every candidate', 12, 12],
    ['a large pool keeps the head of the ranking', 10_000, STORED_CANDIDATES],
  ])('%s', (_name, eligible, kept) => {
    const s = storable(explanation(eligible));
    expect(s.candidates).toHaveLength(kept);
    expect(s.candidates[0].rank).toBe(1);
    expect(s.eligibleCount).toBe(eligible);
  });

  it('keeps every excluded lawyer with its reason', () => {
    expect(storable(explanation(5)).excluded).toHaveLength(300);
  });
});
