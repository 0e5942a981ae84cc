import { CandidateInput, shiftCandidates } from './shift-candidates';

const SHIFT = { date: '2026-10-13', start: '09:00', end: '12:00' };
const lawyer = (lawyerId: string, o: Partial<CandidateInput> = {}): CandidateInput => ({
  lawyerId,
  name: `律师${lawyerId}`,
  otherShifts: [],
  unavailable: [],
  shiftsInRoster: 2,
  ...o,
});

describe('shiftCandidates: who may take a shift instead (rule 10)', () => {
  it.each<[string, CandidateInput[], string[], Record<string, { eligible: boolean; hard: string[]; soft: string[] }>]>([
    [
      'a lawyer on leave that day is refused (rule 10: unavailability respected)',
      [lawyer('A'), lawyer('B', { unavailable: [{ from: '2026-10-12', to: '2026-10-16' }] })],
      ['A', 'B'],
      { B: { eligible: false, hard: ['UNAVAILABLE'], soft: [] } },
    ],
    [
      'an overlapping shift elsewhere is refused (rule 10: no lawyer in two overlapping shifts)',
      [lawyer('B', { otherShifts: [{ date: '2026-10-13', start: '10:00', end: '11:00' }] }), lawyer('A')],
      ['A', 'B'],
      { B: { eligible: false, hard: ['OVERLAPPING_SHIFT'], soft: ['SECOND_SHIFT_SAME_DAY'] } },
    ],
    [
      'a second shift that day or a day in a row is allowed, listed after the clean ones (rule 10: soft rules)',
      [
        lawyer('B', { otherShifts: [{ date: '2026-10-12', start: '09:00', end: '12:00' }] }),
        lawyer('C', { otherShifts: [{ date: '2026-10-13', start: '13:30', end: '17:00' }] }),
        lawyer('A'),
      ],
      ['A', 'B', 'C'],
      { B: { eligible: true, hard: [], soft: ['CONSECUTIVE_DAYS'] }, C: { eligible: true, hard: [], soft: ['SECOND_SHIFT_SAME_DAY'] } },
    ],
    [
      'among clean candidates the one with fewer shifts in the roster comes first (rule 10: balance)',
      [lawyer('A', { shiftsInRoster: 5 }), lawyer('B', { shiftsInRoster: 1 }), lawyer('C', { shiftsInRoster: 1 })],
      ['B', 'C', 'A'],
      {},
    ],
    [
      'the holder is listed last and is not a candidate (rule 10: one lawyer per shift)',
      [lawyer('H'), lawyer('A')],
      ['A', 'H'],
      { H: { eligible: false, hard: [], soft: [] } },
    ],
  ])('%s', (_name, input, order, verdicts) => {
    const out = shiftCandidates(SHIFT, 'H', input);
    expect(out.map((c) => c.lawyerId)).toEqual(order);
    for (const [id, v] of Object.entries(verdicts)) expect(out.find((c) => c.lawyerId === id)).toMatchObject(v);
    expect(out.find((c) => c.lawyerId === 'H')?.current ?? true).toBe(true);
  });
});
