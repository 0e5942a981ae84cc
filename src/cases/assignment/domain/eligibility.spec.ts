import { eligibilityContext, exclusionReasons, firmKey } from './eligibility';
import { EXCLUSION_REASON_INFO, EXCLUSION_REASONS, HARD_REASONS, REASON_PRIORITY } from './exclusion-reasons';
import { addDays, eachDate } from '../../../common/local-date';
import { seniorityCutoff, seniorityYears } from './seniority';
import { CandidateLawyer, PickRequest } from './types';
import { candidate, pickRequest } from './pick.fixtures';

const lawyer = (o: Partial<CandidateLawyer> = {}) =>
  candidate('L1', { name: '张律师', firm: '甲律师事务所', stableKey: '11101201010000001', ...o });
const request = pickRequest;

const reasonsOf = (l: Partial<CandidateLawyer>, r: Partial<PickRequest> = {}) =>
  exclusionReasons(lawyer(l), eligibilityContext(request(r)));

describe('seniorityYears: full years, birthday-style (Legal Aid Law 2021 Art 26)', () => {
  it.each([
    ['day before the 3rd anniversary → 2 (Art 26)', '2023-10-10', '2026-10-09', 2],
    ['exactly the 3rd anniversary → 3 (Art 26)', '2023-10-10', '2026-10-10', 3],
    ['day after the 3rd anniversary → 3 (Art 26)', '2023-10-10', '2026-10-11', 3],
    ['month before the anniversary month → 2', '2023-11-01', '2026-10-31', 2],
    ['29 Feb start, 28 Feb of a common year is the anniversary (Civil Code Art 202)', '2020-02-29', '2023-02-28', 3],
    ['29 Feb start, 27 Feb of a common year → not yet', '2020-02-29', '2023-02-27', 2],
    ['29 Feb start, 29 Feb of a leap year', '2020-02-29', '2024-02-29', 4],
    ['1 Mar start, 29 Feb of a leap year → not yet', '2021-03-01', '2024-02-29', 2],
    ['same day → 0', '2026-10-10', '2026-10-10', 0],
    ['practice starting after the date → 0, never negative', '2027-01-01', '2026-10-10', 0],
  ])('%s', (_name, since, on, years) => {
    expect(seniorityYears(since, on)).toBe(years);
  });

  it('the per-pick cutoff agrees with seniorityYears on every day of 2023–2025 and around 2100 (Art 26)', () => {
    // Monotone in the start date, so "cutoff qualifies and the day after does not" proves the equivalence.
    for (const on of [
      ...eachDate('2023-01-01', '2025-12-31'),
      ...eachDate('2103-02-25', '2103-03-02'),
      ...eachDate('2104-02-25', '2104-03-02'),
    ]) {
      const cutoff = seniorityCutoff(on, 3);
      expect([on, seniorityYears(cutoff, on) >= 3]).toEqual([on, true]);
      expect([on, seniorityYears(addDays(cutoff, 1), on) >= 3]).toEqual([on, false]);
    }
  });

  it.each(['2023-02-30', '2023-13-01', '23-01-01', ''])('rejects a malformed date %p', (bad) => {
    expect(() => seniorityYears(bad, '2026-10-10')).toThrow(RangeError);
  });
});

type Row = [string, Partial<CandidateLawyer>, Partial<PickRequest>, string[]];

describe('exclusion reasons: one row per code (DESIGN rule 5)', () => {
  const rows: Row[] = [
    ['eligible lawyer → none', {}, {}, []],
    ['INACTIVE: inactive (rule 5)', { active: false }, {}, ['INACTIVE']],
    ['INACTIVE: suspended (rule 5)', { suspended: true }, {}, ['INACTIVE']],
    ['UNAVAILABLE: leave covers the date (rule 5)', { unavailable: [{ from: '2026-10-01', to: '2026-10-31' }] }, {}, ['UNAVAILABLE']],
    ['UNAVAILABLE: leave starts on the date, inclusive', { unavailable: [{ from: '2026-10-10', to: '2026-10-12' }] }, {}, ['UNAVAILABLE']],
    ['UNAVAILABLE: leave ends on the date, inclusive', { unavailable: [{ from: '2026-10-01', to: '2026-10-10' }] }, {}, ['UNAVAILABLE']],
    ['leave ending the day before → eligible', { unavailable: [{ from: '2026-10-01', to: '2026-10-09' }] }, {}, []],
    ['leave starting the day after → eligible', { unavailable: [{ from: '2026-10-11', to: '2026-10-20' }] }, {}, []],
    [
      'UNAVAILABLE: second of several leaves',
      {
        unavailable: [
          { from: '2026-01-01', to: '2026-01-05' },
          { from: '2026-10-10', to: '2026-10-10' },
        ],
      },
      {},
      ['UNAVAILABLE'],
    ],
    [
      'NO_JUVENILE_EXPERIENCE: juvenile case (seed Art 8)',
      { juvenileExperience: false },
      { requiresJuvenileExperience: true },
      ['NO_JUVENILE_EXPERIENCE'],
    ],
    ['juvenile experience not needed for an adult (Art 8)', { juvenileExperience: false }, {}, []],
    [
      'INSUFFICIENT_EXPERIENCE: 2 years in a death case (LAL Art 26)',
      { criminalPracticeSince: '2024-10-10' },
      { requiresSeniorLawyer: true },
      ['INSUFFICIENT_EXPERIENCE'],
    ],
    [
      'INSUFFICIENT_EXPERIENCE: one day short of 3 years (Art 26)',
      { criminalPracticeSince: '2023-10-11' },
      { requiresSeniorLawyer: true },
      ['INSUFFICIENT_EXPERIENCE'],
    ],
    [
      'exactly 3 years on the appointment date → eligible (Art 26)',
      { criminalPracticeSince: '2023-10-10' },
      { requiresSeniorLawyer: true },
      [],
    ],
    ['junior lawyer fine when no life/death sentence (Art 26)', { criminalPracticeSince: '2026-01-01' }, {}, []],
    ['AT_CAPACITY: openCases = max (rule 5)', { openCases: 10, maxOpenCases: 10 }, {}, ['AT_CAPACITY']],
    ['AT_CAPACITY: over the max after a lowered limit', { openCases: 12, maxOpenCases: 10 }, {}, ['AT_CAPACITY']],
    ['one below capacity → eligible', { openCases: 9, maxOpenCases: 10 }, {}, []],
    [
      'CONFLICT_CO_DEFENDANT: defends a co-defendant (SPC CPL interp. Art 43)',
      {},
      { coDefendantLawyerIds: ['L1'], coDefendantFirms: ['甲律师事务所'] },
      ['CONFLICT_CO_DEFENDANT'],
    ],
    [
      'CONFLICT_CO_DEFENDANT: defends a related case tried apart (Art 43)',
      { firm: '乙所' },
      { coDefendantLawyerIds: ['X', 'L1'], coDefendantFirms: ['丙所', '乙所'] },
      ['CONFLICT_CO_DEFENDANT'],
    ],
    [
      'SAME_FIRM_AS_CO_DEFENDANT: colleague of a co-defendant lawyer (bar rules Art 13)',
      {},
      { coDefendantLawyerIds: ['L9'], coDefendantFirms: ['甲律师事务所'] },
      ['SAME_FIRM_AS_CO_DEFENDANT'],
    ],
    [
      'same firm allowed when avoidSameFirm is off (Art 13, configurable)',
      {},
      { coDefendantLawyerIds: ['L9'], coDefendantFirms: ['甲律师事务所'], avoidSameFirm: false },
      [],
    ],
    [
      'same firm despite full-width brackets and spaces',
      { firm: '北京市（海淀）甲 律师事务所' },
      { coDefendantFirms: ['北京市(海淀)甲律师事务所'] },
      ['SAME_FIRM_AS_CO_DEFENDANT'],
    ],
    ['an empty firm name matches nothing', { firm: '' }, { coDefendantFirms: [''] }, []],
    ['different firm → eligible', {}, { coDefendantLawyerIds: ['L9'], coDefendantFirms: ['乙律师事务所'] }, []],
    ['REFUSED_BY_DEFENDANT: justified refusal (seed Art 5)', {}, { refusedLawyerIds: ['L1'] }, ['REFUSED_BY_DEFENDANT']],
    [
      'DECLINED_OFFER: declined or let this case’s offer expire (Art 6 offer and answer)',
      {},
      { declinedLawyerIds: ['L1'] },
      ['DECLINED_OFFER'],
    ],
    ['refusal of another lawyer does not exclude this one (Art 5)', {}, { refusedLawyerIds: ['L2'] }, []],
  ];
  it.each(rows)('%s', (_name, l, r, expected) => {
    expect(reasonsOf(l, r)).toEqual(expected);
  });

  it('the rows above cover every code, and each has a Chinese label', () => {
    expect(new Set(rows.flatMap((row) => row[3]))).toEqual(new Set(EXCLUSION_REASONS));
    for (const code of EXCLUSION_REASONS) {
      expect(EXCLUSION_REASON_INFO[code].label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect([...REASON_PRIORITY].sort()).toEqual([...EXCLUSION_REASONS].sort());
  });

  it('only the same-firm rule (bar rules Art 13) and a declined offer (LAL Art 16 duty) are soft for overrides', () => {
    expect(EXCLUSION_REASONS.filter((r) => !HARD_REASONS.includes(r))).toEqual(['SAME_FIRM_AS_CO_DEFENDANT', 'DECLINED_OFFER']);
  });
});

describe('several reasons at once are all listed, in REASON_PRIORITY order', () => {
  it.each<Row>([
    [
      'every hard reason at once',
      {
        active: false,
        unavailable: [{ from: '2026-10-10', to: '2026-10-10' }],
        juvenileExperience: false,
        criminalPracticeSince: '2025-01-01',
        openCases: 3,
        maxOpenCases: 3,
      },
      {
        requiresJuvenileExperience: true,
        requiresSeniorLawyer: true,
        refusedLawyerIds: ['L1'],
        coDefendantLawyerIds: ['L1'],
        coDefendantFirms: ['甲律师事务所'],
      },
      [
        'INACTIVE',
        'CONFLICT_CO_DEFENDANT',
        'REFUSED_BY_DEFENDANT',
        'NO_JUVENILE_EXPERIENCE',
        'INSUFFICIENT_EXPERIENCE',
        'UNAVAILABLE',
        'AT_CAPACITY',
      ],
    ],
    [
      'leave + capacity + same firm (soft reason last)',
      { unavailable: [{ from: '2026-10-10', to: '2026-10-10' }], openCases: 1, maxOpenCases: 1 },
      { coDefendantFirms: ['甲律师事务所'] },
      ['UNAVAILABLE', 'AT_CAPACITY', 'SAME_FIRM_AS_CO_DEFENDANT'],
    ],
    [
      'juvenile + senior (Art 8 and LAL Art 26)',
      { juvenileExperience: false, criminalPracticeSince: '2025-01-01' },
      { requiresJuvenileExperience: true, requiresSeniorLawyer: true },
      ['NO_JUVENILE_EXPERIENCE', 'INSUFFICIENT_EXPERIENCE'],
    ],
    [
      'refused + same firm (Art 5, Art 13)',
      {},
      { refusedLawyerIds: ['L1'], coDefendantFirms: ['甲律师事务所'] },
      ['REFUSED_BY_DEFENDANT', 'SAME_FIRM_AS_CO_DEFENDANT'],
    ],
  ])('%s', (_name, l, r, expected) => {
    expect(reasonsOf(l, r)).toEqual(expected);
  });
});

describe('request checks', () => {
  it('rejects an invalid appointment date', () => {
    expect(() => eligibilityContext(request({ appointmentDate: '2026-02-30' }))).toThrow(RangeError);
  });
  it('rejects a malformed criminalPracticeSince when seniority matters (Art 26)', () => {
    expect(() => reasonsOf({ criminalPracticeSince: '2010-1-1' }, { requiresSeniorLawyer: true })).toThrow(RangeError);
  });
  it('avoidSameFirm defaults to true (bar rules Art 13)', () => {
    expect(eligibilityContext(request()).avoidSameFirm).toBe(true);
  });
  it('firmKey folds width and whitespace', () => {
    expect(firmKey(' ＡＢＣ律师事务所 ')).toBe('ABC律师事务所');
  });
});
