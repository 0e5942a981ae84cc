import { addDays, LocalDate } from '../../common/local-date';
import { CourtNotice } from './notice.types';

/**
 * 应当通知辩护 — the cases in which the law itself requires an appointed defender, whatever the
 * procedure (DESIGN rule 1, 2). Legal Aid Law 2021 (法律援助法) Art 25 para 1 is the full list;
 * the CPL articles are the older sources of the same duty. This is the ONE table: routing,
 * the procedure check and the statistics all read it.
 */

export type AgeReckoning = 'on_birthday' | 'day_after_birthday';

/**
 * When does a person become 18?
 * - `day_after_birthday` (default): the SPC juvenile interpretation (法释〔2006〕1号) Art 2 —
 *   "周岁…从周岁生日的第二天起算" — someone is still 不满十八周岁 on the birthday itself, which is
 *   how Chinese criminal law counts age.
 * - `on_birthday`: 18 from the 18th birthday itself (the civil-law habit), for a centre that wants it.
 * A 29 February birth has its anniversary on 28 February in common years (Civil Code Art 202:
 * no corresponding day → the month's last day).
 */
export const DEFAULT_AGE_RECKONING: AgeReckoning = 'day_after_birthday';

/** The 18th anniversary of a birth date (29 Feb → 28 Feb in a common year). */
export function eighteenthBirthday(birthDate: LocalDate): LocalDate {
  const [y, m, d] = birthDate.split('-').map(Number);
  const year = y + 18;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Under 18 on `date` (both local dates). */
export function isMinorAt(birthDate: LocalDate, date: LocalDate, reckoning: AgeReckoning = DEFAULT_AGE_RECKONING): boolean {
  const birthday = eighteenthBirthday(birthDate);
  const adultFrom = reckoning === 'on_birthday' ? birthday : addDays(birthday, 1);
  return date < adultFrom;
}

/** A juvenile case (未成年案件, Art 8): the defendant was under 18 on the alleged offence date. */
export function isJuvenile(birthDate: LocalDate, offenceDate: LocalDate, reckoning: AgeReckoning = DEFAULT_AGE_RECKONING): boolean {
  return isMinorAt(birthDate, offenceDate, reckoning);
}

export const MANDATORY_GROUND_CODES = [
  'minor',
  'visual_disability',
  'hearing_disability',
  'speech_disability',
  'limited_capacity',
  'life_or_death_sentence',
  'death_penalty_review',
  'trial_in_absentia',
  'other_law',
] as const;
export type MandatoryGroundCode = (typeof MANDATORY_GROUND_CODES)[number];

export interface MandatoryGroundsOptions {
  ageReckoning?: AgeReckoning;
}

export interface MandatoryGround {
  code: MandatoryGroundCode;
  /** Chinese label, as shown on the notice and the appointment letter. */
  label: string;
  /** Legal basis, most specific first. */
  basis: string;
  /**
   * The ground bars this procedure for the defendant (CPL Art 215 simplified, Art 223 fast
   * track; read by routing's PROCEDURE_NOT_ALLOWED check).
   */
  bars: { simplified: boolean; fast_track: boolean };
  applies(notice: CourtNotice, noticeDate: LocalDate, options: MandatoryGroundsOptions): boolean;
}

const has = (n: CourtNotice, d: string) => (n.defendant.disabilities ?? []).some((x) => x === d);

export const MANDATORY_GROUNDS: readonly MandatoryGround[] = [
  {
    code: 'minor',
    label: '未成年人',
    basis: '法律援助法第25条第1款第(一)项；刑事诉讼法第278条',
    // Minority is judged when the notice arrives (DESIGN rule 1), not at the offence:
    // CPL Art 278 protects the 未成年被告人 in the proceedings. CPL Art 223(2) bars fast track.
    bars: { simplified: false, fast_track: true },
    applies: (n, date, o) => isMinorAt(n.defendant.birthDate, date, o.ageReckoning),
  },
  {
    // LAL Art 25 widened CPL Art 35's 盲、聋、哑人 to the three disability kinds; a court that
    // sends the old words (blind/deaf/mute) is read the same.
    code: 'visual_disability',
    label: '视力残疾人',
    basis: '法律援助法第25条第1款第(二)项；刑事诉讼法第35条第2款',
    // CPL Art 215 / 223 name 盲人; the bar is read for every visual disability: the notice
    // cannot tell blindness from low vision, and a wrongly warned court loses nothing.
    bars: { simplified: true, fast_track: true },
    applies: (n) => has(n, 'blind') || has(n, 'visual'),
  },
  {
    code: 'hearing_disability',
    label: '听力残疾人',
    basis: '法律援助法第25条第1款第(二)项；刑事诉讼法第35条第2款',
    bars: { simplified: true, fast_track: true },
    applies: (n) => has(n, 'deaf') || has(n, 'hearing'),
  },
  {
    code: 'speech_disability',
    label: '言语残疾人',
    basis: '法律援助法第25条第1款第(二)项；刑事诉讼法第35条第2款',
    bars: { simplified: true, fast_track: true },
    applies: (n) => has(n, 'mute') || has(n, 'speech'),
  },
  {
    // LAL Art 25(3) 不能完全辨认自己行为的成年人 (mental or intellectual); CPL Art 35 para 2
    // 尚未完全丧失辨认或者控制自己行为能力的精神病人 (any age). Read for any age: a minor is
    // covered by (一) anyway, and the CPL's wording has no age.
    code: 'limited_capacity',
    label: '不能完全辨认或者控制自己行为的人（精神、智力残疾）',
    basis: '法律援助法第25条第1款第(三)项；刑事诉讼法第35条第2款',
    // CPL Art 215 / 223 name the mentally ill; read for intellectual disability too (SPC
    // interpretation Art 360(7), 370(6): other cases unfit for the procedure).
    bars: { simplified: true, fast_track: true },
    applies: (n) => has(n, 'mental') || has(n, 'intellectual'),
  },
  {
    code: 'life_or_death_sentence',
    label: '可能被判处无期徒刑、死刑的人',
    basis: '法律援助法第25条第1款第(四)项；刑事诉讼法第35条第3款',
    // Not a listed bar, but such cases never qualify: fast track only for sentences of at most
    // three years (CPL Art 222), simplified only in basic courts (Art 214) while life/death
    // cases start at the intermediate court (Art 21).
    bars: { simplified: true, fast_track: true },
    applies: (n) => n.possibleSentence === 'life' || n.possibleSentence === 'death',
  },
  {
    code: 'death_penalty_review',
    label: '申请法律援助的死刑复核案件被告人',
    basis: '法律援助法第25条第1款第(五)项',
    bars: { simplified: false, fast_track: false },
    applies: (n) => n.deathPenaltyReview === true,
  },
  {
    code: 'trial_in_absentia',
    label: '缺席审判案件的被告人',
    basis: '法律援助法第25条第1款第(六)项；刑事诉讼法第293条',
    bars: { simplified: false, fast_track: false },
    applies: (n) => n.trialInAbsentia === true,
  },
  {
    code: 'other_law',
    label: '法律法规规定的其他人员',
    basis: '法律援助法第25条第1款第(七)项',
    bars: { simplified: false, fast_track: false },
    applies: (n) => (n.otherMandatoryGround ?? '').trim() !== '',
  },
];

const BY_CODE = new Map(MANDATORY_GROUNDS.map((g) => [g.code, g]));

export function mandatoryGround(code: MandatoryGroundCode): MandatoryGround {
  return BY_CODE.get(code)!;
}

/**
 * The mandatory-defence grounds a notice meets, in table order. `noticeDate` is the local date
 * the centre received the notice (minority is judged then).
 */
export function mandatoryGrounds(notice: CourtNotice, noticeDate: LocalDate, options: MandatoryGroundsOptions = {}): MandatoryGroundCode[] {
  return MANDATORY_GROUNDS.filter((g) => g.applies(notice, noticeDate, options)).map((g) => g.code);
}
