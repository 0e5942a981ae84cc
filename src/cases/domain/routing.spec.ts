import { notice } from './notice.fixtures';
import { CourtNotice, Procedure } from './notice.types';
import { procedureBars, routeNotice, RoutingResult } from './routing';

const NOTICE_DATE = '2026-09-28';
const MINOR = '2009-01-01'; // 17 on the notice date

const codes = (r: RoutingResult) => r.warnings.map((w) => w.code);

describe('routeNotice (Art 2, Art 3, Art 5; CPL Art 215, 223)', () => {
  type Row = [string, CourtNotice, Partial<RoutingResult> & { warningCodes?: string[] }];
  const rows: Row[] = [
    // Art 2 para 1 / para 2: procedure decides when nothing else does
    ['Art 2: ordinary first instance → appointed_defence', notice(), { route: 'appointed_defence', reason: 'procedure', warningCodes: [] }],
    [
      'Art 2: trial supervision → appointed_defence',
      notice({ procedure: 'trial_supervision' }),
      { route: 'appointed_defence', reason: 'procedure' },
    ],
    [
      'Art 2: simplified → duty_lawyer_help',
      notice({ procedure: 'simplified' }),
      { route: 'duty_lawyer_help', reason: 'procedure', warningCodes: [] },
    ],
    [
      'Art 2: fast track → duty_lawyer_help',
      notice({ procedure: 'fast_track' }),
      { route: 'duty_lawyer_help', reason: 'procedure', warningCodes: [] },
    ],
    // Art 2: "被告人没有委托辩护人的"
    [
      'Art 2: retained counsel → none',
      notice({}, { hasRetainedCounsel: true }),
      { route: 'none', reason: 'retained_counsel', refusal: 'none' },
    ],
    [
      'Art 2: retained counsel beats a mandatory ground → none',
      notice({ possibleSentence: 'death' }, { hasRetainedCounsel: true }),
      { route: 'none', reason: 'retained_counsel', mandatoryGrounds: ['life_or_death_sentence'], requiresSeniorLawyer: true },
    ],
    // Mandatory grounds win over the procedure (DESIGN rule 1)
    [
      'LAL Art 25: minor in simplified procedure → appointed_defence',
      notice({ procedure: 'simplified' }, { birthDate: MINOR }),
      { route: 'appointed_defence', reason: 'mandatory_ground', juvenile: true, requiresJuvenileExperience: true, warningCodes: [] },
    ],
    [
      'CPL Art 223: minor in fast track → appointed_defence + PROCEDURE_NOT_ALLOWED',
      notice({ procedure: 'fast_track' }, { birthDate: MINOR }),
      { route: 'appointed_defence', mandatoryGrounds: ['minor'], warningCodes: ['PROCEDURE_NOT_ALLOWED'] },
    ],
    ...(['blind', 'deaf', 'mute', 'mental', 'visual', 'hearing', 'speech', 'intellectual'] as const).flatMap((d): Row[] => [
      [
        `CPL Art 215: ${d} defendant in simplified procedure → appointed_defence + PROCEDURE_NOT_ALLOWED`,
        notice({ procedure: 'simplified' }, { disabilities: [d] }),
        { route: 'appointed_defence', reason: 'mandatory_ground', warningCodes: ['PROCEDURE_NOT_ALLOWED'] },
      ],
      [
        `CPL Art 223: ${d} defendant in fast track → appointed_defence + PROCEDURE_NOT_ALLOWED`,
        notice({ procedure: 'fast_track' }, { disabilities: [d] }),
        { route: 'appointed_defence', reason: 'mandatory_ground', warningCodes: ['PROCEDURE_NOT_ALLOWED'] },
      ],
      [
        `CPL Art 35: ${d} defendant in ordinary procedure → appointed_defence, no warning`,
        notice({}, { disabilities: [d] }),
        { route: 'appointed_defence', reason: 'mandatory_ground', warningCodes: [] },
      ],
    ]),
    [
      'CPL Art 222/214: possible life sentence cannot be fast-tracked → PROCEDURE_NOT_ALLOWED',
      notice({ procedure: 'fast_track', possibleSentence: 'life' }),
      { route: 'appointed_defence', warningCodes: ['PROCEDURE_NOT_ALLOWED'], requiresSeniorLawyer: true },
    ],
    [
      'CPL Art 293 / LAL Art 25(6): trial in absentia in simplified procedure → appointed_defence, no bar',
      notice({ procedure: 'simplified', trialInAbsentia: true }),
      { route: 'appointed_defence', mandatoryGrounds: ['trial_in_absentia'], warningCodes: [], requiresSeniorLawyer: false },
    ],
    // Legal Aid Law Art 26: seniority
    [
      'LAL Art 26: possible death → senior lawyer',
      notice({ possibleSentence: 'death' }),
      { requiresSeniorLawyer: true, route: 'appointed_defence' },
    ],
    ['LAL Art 26: possible life → senior lawyer', notice({ possibleSentence: 'life' }), { requiresSeniorLawyer: true }],
    ['LAL Art 26: death-penalty review → senior lawyer', notice({ deathPenaltyReview: true }), { requiresSeniorLawyer: true }],
    ['LAL Art 26: ordinary sentence → no seniority', notice(), { requiresSeniorLawyer: false }],
    // Art 8: juvenile = under 18 at the offence, even if adult at notice
    [
      'Art 8: juvenile at offence, adult at notice, simplified → duty help, juvenile experience required',
      notice({ procedure: 'simplified', offenceDate: '2026-03-01' }, { birthDate: '2008-06-01' }),
      { route: 'duty_lawyer_help', juvenile: true, requiresJuvenileExperience: true, mandatoryGrounds: [] },
    ],
    [
      'Art 8: 18th birthday the day before the offence → not juvenile',
      notice({ offenceDate: '2026-03-01' }, { birthDate: '2008-02-29' }),
      { juvenile: false, requiresJuvenileExperience: false },
    ],
    [
      'Art 8: fast track for a defendant juvenile at offence but adult at notice → no procedure bar (CPL Art 223 asks for a minor now)',
      notice({ procedure: 'fast_track', offenceDate: '2026-03-01' }, { birthDate: '2008-06-01' }),
      { route: 'duty_lawyer_help', juvenile: true, warningCodes: [] },
    ],
    // Art 3 / Art 5: refusals
    [
      'Art 3: non-mandatory refusal, ordinary → none, refusal recorded',
      notice({}, { refusedAid: true }),
      { route: 'none', reason: 'refused_aid', refusal: 'recorded', warningCodes: [] },
    ],
    [
      'Art 3: refusal of legal help in fast track → none, refusal recorded',
      notice({ procedure: 'fast_track' }, { refusedAid: true }),
      { route: 'none', reason: 'refused_aid', refusal: 'recorded' },
    ],
    [
      'Art 5: mandatory (minor) refusal → still appointed_defence + REFUSAL_NEEDS_REASON',
      notice({}, { birthDate: MINOR, refusedAid: true }),
      { route: 'appointed_defence', reason: 'mandatory_ground', refusal: 'needs_reason', warningCodes: ['REFUSAL_NEEDS_REASON'] },
    ],
    [
      'Art 5 + CPL Art 223: deaf refuser in fast track → both warnings',
      notice({ procedure: 'fast_track' }, { disabilities: ['deaf'], refusedAid: true }),
      { route: 'appointed_defence', refusal: 'needs_reason', warningCodes: ['PROCEDURE_NOT_ALLOWED', 'REFUSAL_NEEDS_REASON'] },
    ],
    [
      'Art 2 + Art 3: retained counsel and refusal → none, refusal recorded',
      notice({}, { hasRetainedCounsel: true, refusedAid: true }),
      { route: 'none', reason: 'retained_counsel', refusal: 'recorded' },
    ],
  ];

  it.each(rows)('%s', (_name, n, expected) => {
    const r = routeNotice(n, NOTICE_DATE);
    const { warningCodes, ...fields } = expected;
    expect(r).toMatchObject(fields);
    if (warningCodes) expect(codes(r)).toEqual(warningCodes);
  });

  it('CPL Art 215: the PROCEDURE_NOT_ALLOWED message names the defendant group and the article', () => {
    const r = routeNotice(notice({ procedure: 'simplified' }, { disabilities: ['blind'] }), NOTICE_DATE);
    expect(r.warnings[0].message).toContain('视力残疾人');
    expect(r.warnings[0].message).toContain('第215条');
  });

  it('Art 8: the age reckoning option reaches the juvenile flag (SPC 法释〔2006〕1号 Art 2)', () => {
    const n = notice({ offenceDate: '2026-03-01' }, { birthDate: '2008-03-01' });
    expect(routeNotice(n, NOTICE_DATE, { ageReckoning: 'day_after_birthday' }).juvenile).toBe(true);
  });

  it.each<[string, Procedure, string[]]>([
    [
      'CPL Art 215: simplified barred only by disabilities / life-death',
      'simplified',
      ['visual_disability', 'limited_capacity', 'life_or_death_sentence'],
    ],
    [
      'CPL Art 223: fast track barred for minors too',
      'fast_track',
      ['minor', 'visual_disability', 'limited_capacity', 'life_or_death_sentence'],
    ],
    ['Art 2: ordinary procedure has no bar', 'ordinary', []],
    ['Art 2: trial supervision has no bar', 'trial_supervision', []],
  ])('procedureBars: %s', (_name, procedure, expected) => {
    const all = [
      'minor',
      'visual_disability',
      'limited_capacity',
      'life_or_death_sentence',
      'death_penalty_review',
      'trial_in_absentia',
      'other_law',
    ] as const;
    expect(procedureBars(all, procedure)).toEqual(expected);
  });
});
