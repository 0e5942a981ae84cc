import {
  eighteenthBirthday,
  isJuvenile,
  isMinorAt,
  MANDATORY_GROUND_CODES,
  MANDATORY_GROUNDS,
  MandatoryGroundCode,
  mandatoryGrounds,
} from './mandatory-grounds';
import { MANDATORY_GROUND_LABELS } from '../../shared/labels';
import { notice } from './notice.fixtures';
import { CourtNotice } from './notice.types';

const NOTICE_DATE = '2026-09-28';

describe('eighteenthBirthday', () => {
  it.each([
    ['2008-05-05', '2026-05-05'],
    ['2008-02-29', '2026-02-28'], // Civil Code Art 202: no 29 Feb in 2026 → month's last day
    ['2004-02-29', '2022-02-28'],
    ['2012-02-29', '2030-02-28'],
    ['2008-12-31', '2026-12-31'],
  ])('born %s → 18 on %s', (birth, expected) => {
    expect(eighteenthBirthday(birth)).toBe(expected);
  });
});

describe('isMinorAt / isJuvenile (Art 8; CPL Art 278)', () => {
  it.each([
    ['Art 8: 18 the day after the offence → juvenile', '2008-03-02', '2026-03-01', true],
    [
      'Art 8: 18th birthday on the offence date → still juvenile (SPC 法释〔2006〕1号 Art 2, the default)',
      '2008-03-01',
      '2026-03-01',
      true,
    ],
    ['Art 8: 18 the day before → not juvenile', '2008-02-28', '2026-03-01', false],
    ['Art 8: 17 years old → juvenile', '2009-01-01', '2026-03-01', true],
    ['Art 8: 29 Feb birth, offence 2026-02-27 → juvenile', '2008-02-29', '2026-02-27', true],
    ['Art 8: 29 Feb birth, offence 2026-02-28 (anniversary) → still juvenile', '2008-02-29', '2026-02-28', true],
    ['Art 8: 29 Feb birth, offence 2026-03-01 → adult', '2008-02-29', '2026-03-01', false],
    ['Art 8: adult of 36', '1990-05-05', '2026-03-01', false],
  ])('%s', (_name, birth, offence, expected) => {
    expect(isJuvenile(birth, offence)).toBe(expected);
    expect(isMinorAt(birth, offence)).toBe(expected);
  });

  it.each([
    ['SPC 法释〔2006〕1号 Art 2: on the 18th birthday still 不满十八周岁', '2008-03-01', '2026-03-01', true],
    ['SPC 法释〔2006〕1号 Art 2: adult from the day after the birthday', '2008-03-01', '2026-03-02', false],
    ['SPC 法释〔2006〕1号 Art 2: day before the birthday → minor', '2008-03-01', '2026-02-28', true],
    ['on_birthday reckoning: 18 on the birthday itself → adult', '2008-03-01', '2026-03-01', false],
  ])('%s', (name, birth, date, expected) => {
    const reckoning = name.startsWith('on_birthday') ? 'on_birthday' : 'day_after_birthday';
    expect(isMinorAt(birth, date, reckoning)).toBe(expected);
    expect(isJuvenile(birth, date, reckoning)).toBe(expected);
  });
});

describe('mandatoryGrounds (LAL 2021 Art 25; CPL Art 35, 278, 293)', () => {
  const rows: [string, CourtNotice, MandatoryGroundCode[]][] = [
    ['none: adult, ordinary sentence, no disability', notice(), []],
    ['LAL Art 25(1) minor at notice time (17)', notice({}, { birthDate: '2009-01-01' }), ['minor']],
    ['LAL Art 25(1) 18th birthday on the notice date → still a minor', notice({}, { birthDate: '2008-09-28' }), ['minor']],
    ['LAL Art 25(1) 18th birthday the day before notice → not a minor', notice({}, { birthDate: '2008-09-27' }), []],
    ['LAL Art 25(1) 18 the day after notice → minor', notice({}, { birthDate: '2008-09-29' }), ['minor']],
    [
      'LAL Art 25(1) juvenile at offence but adult at notice → not mandatory',
      notice({ offenceDate: '2026-03-01' }, { birthDate: '2008-06-01' }),
      [],
    ],
    ['LAL Art 25(2) / CPL Art 35 blind (v1 word) → visual disability', notice({}, { disabilities: ['blind'] }), ['visual_disability']],
    ['LAL Art 25(2) visual disability (low vision too)', notice({}, { disabilities: ['visual'] }), ['visual_disability']],
    ['LAL Art 25(2) / CPL Art 35 deaf (v1 word) → hearing disability', notice({}, { disabilities: ['deaf'] }), ['hearing_disability']],
    ['LAL Art 25(2) hearing disability', notice({}, { disabilities: ['hearing'] }), ['hearing_disability']],
    ['LAL Art 25(2) / CPL Art 35 mute (v1 word) → speech disability', notice({}, { disabilities: ['mute'] }), ['speech_disability']],
    ['LAL Art 25(2) speech disability', notice({}, { disabilities: ['speech'] }), ['speech_disability']],
    ['LAL Art 25(2) blind and visual together → one ground', notice({}, { disabilities: ['blind', 'visual'] }), ['visual_disability']],
    ['LAL Art 25(3) / CPL Art 35 mental illness → limited capacity', notice({}, { disabilities: ['mental'] }), ['limited_capacity']],
    ['LAL Art 25(3) intellectual disability → limited capacity', notice({}, { disabilities: ['intellectual'] }), ['limited_capacity']],
    ['LAL Art 25(7) other ground a law provides', notice({ otherMandatoryGround: '《某条例》第十条' }), ['other_law']],
    ['LAL Art 25(7) blank other ground → not mandatory', notice({ otherMandatoryGround: '  ' }), []],
    ['LAL Art 25(4) / CPL Art 35 possible life imprisonment', notice({ possibleSentence: 'life' }), ['life_or_death_sentence']],
    ['LAL Art 25(4) / CPL Art 35 possible death', notice({ possibleSentence: 'death' }), ['life_or_death_sentence']],
    ['LAL Art 25(4) sentence not given → not mandatory', notice({ possibleSentence: undefined }), []],
    ['LAL Art 25(5) death-penalty review', notice({ deathPenaltyReview: true }), ['death_penalty_review']],
    ['LAL Art 25(6) / CPL Art 293 trial in absentia', notice({ trialInAbsentia: true }), ['trial_in_absentia']],
    [
      'LAL Art 25 several grounds, in table order',
      notice({ possibleSentence: 'death' }, { birthDate: '2009-01-01', disabilities: ['mental', 'deaf'] }),
      ['minor', 'hearing_disability', 'limited_capacity', 'life_or_death_sentence'],
    ],
    ['LAL Art 25 empty disabilities list', notice({}, { disabilities: [] }), []],
  ];
  it.each(rows)('%s', (_name, n, expected) => {
    expect(mandatoryGrounds(n, NOTICE_DATE)).toEqual(expected);
  });

  it('LAL Art 25(1): the minor ground honours the age reckoning option', () => {
    const n = notice({}, { birthDate: '2008-09-28' });
    expect(mandatoryGrounds(n, NOTICE_DATE, { ageReckoning: 'day_after_birthday' })).toEqual(['minor']);
  });

  it('every ground has its short label in the shared catalogue (mails, console)', () => {
    for (const code of MANDATORY_GROUND_CODES) expect(MANDATORY_GROUND_LABELS[code]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('keeps one table: every code once, each with a Chinese label and a legal basis', () => {
    expect(MANDATORY_GROUNDS.map((g) => g.code)).toEqual([...MANDATORY_GROUND_CODES]);
    for (const g of MANDATORY_GROUNDS) {
      expect(g.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(g.basis).toMatch(/法律援助法第25条/);
    }
  });
});
