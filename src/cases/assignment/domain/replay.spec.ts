import { candidate, pickRequest } from './pick.fixtures';
import { pickLawyer } from './pick';
import { replayPick, StoredSnapshot } from './replay';

const pool = [
  candidate('A', { recentAppointments: 2, stableKey: '1001' }),
  candidate('B', { recentAppointments: 1, stableKey: '1002' }),
  candidate('C', { recentAppointments: 1, stableKey: '1003', lastAppointedAt: '2026-09-01T00:00:00.000Z' }),
  candidate('J', { juvenileExperience: false, stableKey: '1004' }),
];
const request = pickRequest({ requiresJuvenileExperience: true });
const stored = (): StoredSnapshot => ({ ...pickLawyer(pool, request), request, algorithmVersion: 2 });

describe('replay of a stored pick (issue 12 item 11, Art 18 objections ask why this lawyer)', () => {
  it('ranks the snapshot again and gives the same answer', () => {
    const r = replayPick(stored(), 'pick');
    expect(r).toMatchObject({
      same: true,
      algorithmVersion: 2,
      recomputed: { chosen: { lawyerId: 'B', decidedBy: 'last_appointed' }, ranking: ['B', 'C', 'A'] },
    });
  });

  it('a changed snapshot is not the same', () => {
    const s = stored();
    s.candidates[0] = { ...s.candidates[0], recentAppointments: 9, score: 9 };
    expect(replayPick(s, 'pick').same).toBe(false);
  });

  it.each([
    ['the chosen lawyer', 'B', { status: 'chosen' }],
    ['a lower-ranked one, beaten on the tie-break (DESIGN rule 4)', 'C', { status: 'ranked_lower', rank: 2, beatenOn: 'last_appointed' }],
    ['a lower-ranked one, beaten on score (DESIGN rule 4)', 'A', { status: 'ranked_lower', rank: 3, beatenOn: 'score' }],
    ['an excluded one, with the reason (seed Art 8)', 'J', { status: 'excluded', reason: 'NO_JUVENILE_EXPERIENCE' }],
    ['one outside the snapshot', 'Z', { status: 'not_in_snapshot' }],
  ])('why not %s', (_name, id, expected) => {
    expect(replayPick(stored(), 'pick', id).lawyer).toMatchObject({ lawyerId: id, ...expected });
  });

  it('a manual override keeps the dispatcher’s choice and checks the ranking', () => {
    const s = { ...stored(), chosen: { ...stored().chosen!, lawyerId: 'A', decidedBy: 'manual_override' as const } };
    expect(replayPick(s, 'manual')).toMatchObject({ same: true, recomputed: { chosen: { lawyerId: 'A', decidedBy: 'manual_override' } } });
  });
});
