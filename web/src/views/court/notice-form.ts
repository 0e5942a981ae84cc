import type { NoticeBody } from '../../api/court';
import { zonedInstant } from '../dispatcher/case-format';

/**
 * The 通知辩护函 form (Art 4) as the clerk fills it in, and the API body it becomes. Pure: no
 * Vue, no fetch (vitest). Error keys are the API's field paths (`defendant.name`, `judge.phone`,
 * `trialAt`), so the server's 400 details land on the same form items as the checks here.
 */
export interface NoticeForm {
  courtCaseNo: string;
  courtName: string;
  stationId: string;
  procedure: string;
  /** 罪名, several separated by 、 or commas. */
  charges: string;
  possibleSentence: string;
  offenceDate: string;
  defendant: {
    name: string;
    idNumber: string;
    birthDate: string;
    gender: string;
    detained: boolean;
    detentionPlace: string;
    address: string;
    phone: string;
    disabilities: string[];
    hasRetainedCounsel: boolean;
    refusedAid: boolean;
  };
  judgeName: string;
  judgePhone: string;
  /** 开庭: a court-local date and time, sent as an instant in the court's zone. */
  trialDate: string;
  trialTime: string;
  trialPlace: string;
  indictmentAttached: boolean;
  relatedCaseNos: string;
  trialInAbsentia: boolean;
  deathPenaltyReview: boolean;
  otherMandatoryGround: string;
}

export function emptyNoticeForm(courtName = ''): NoticeForm {
  return {
    courtCaseNo: '',
    courtName,
    stationId: '',
    procedure: 'ordinary',
    charges: '',
    possibleSentence: '',
    offenceDate: '',
    defendant: {
      name: '',
      idNumber: '',
      birthDate: '',
      gender: '',
      detained: true,
      detentionPlace: '',
      address: '',
      phone: '',
      disabilities: [],
      hasRetainedCounsel: false,
      refusedAid: false,
    },
    judgeName: '',
    judgePhone: '',
    trialDate: '',
    trialTime: '09:00',
    trialPlace: '',
    indictmentAttached: false,
    relatedCaseNos: '',
    trialInAbsentia: false,
    deathPenaltyReview: false,
    otherMandatoryGround: '',
  };
}

/** What the API cannot take without (its 400s); the Art 4 items it can take without are listed as missing instead. */
const REQUIRED: Array<[string, (f: NoticeForm) => string]> = [
  ['courtCaseNo', (f) => f.courtCaseNo],
  ['courtName', (f) => f.courtName],
  ['stationId', (f) => f.stationId],
  ['procedure', (f) => f.procedure],
  ['offenceDate', (f) => f.offenceDate],
  ['defendant.name', (f) => f.defendant.name],
  ['defendant.birthDate', (f) => f.defendant.birthDate],
];

export function requiredProblems(form: NoticeForm): Record<string, string> {
  return Object.fromEntries(REQUIRED.filter(([, value]) => !value(form).trim()).map(([field]) => [field, '必填']));
}

/** 盗窃罪、诈骗罪 / 盗窃罪，诈骗罪 / one per line → ['盗窃罪', '诈骗罪']. */
export function listOf(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const opt = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

/** The POST /api/v1/court-notices body: blanks left out (the API lists the Art 4 ones as missing). */
export function noticeBody(form: NoticeForm, timezone: string): NoticeBody {
  const d = form.defendant;
  const related = listOf(form.relatedCaseNos);
  return {
    courtCaseNo: form.courtCaseNo.trim(),
    courtName: form.courtName.trim(),
    stationId: form.stationId,
    procedure: form.procedure as NoticeBody['procedure'],
    charges: listOf(form.charges),
    possibleSentence: opt(form.possibleSentence) as NoticeBody['possibleSentence'],
    offenceDate: form.offenceDate,
    defendant: {
      name: d.name.trim(),
      idNumber: opt(d.idNumber),
      birthDate: d.birthDate,
      gender: opt(d.gender),
      detained: d.detained,
      // Art 4: the detention place for a detained defendant, the address and phone for one at liberty.
      detentionPlace: d.detained ? opt(d.detentionPlace) : undefined,
      address: d.detained ? undefined : opt(d.address),
      phone: d.detained ? undefined : opt(d.phone),
      disabilities: d.disabilities.length ? ([...d.disabilities] as NonNullable<NoticeBody['defendant']['disabilities']>) : undefined,
      hasRetainedCounsel: d.hasRetainedCounsel || undefined,
      refusedAid: d.refusedAid || undefined,
    },
    judge: { name: opt(form.judgeName), phone: opt(form.judgePhone) },
    trialAt: form.trialDate ? zonedInstant(form.trialDate, form.trialTime || '09:00', timezone) : undefined,
    trialPlace: opt(form.trialPlace),
    indictmentAttached: form.indictmentAttached,
    relatedCaseNos: related.length ? related : undefined,
    trialInAbsentia: form.trialInAbsentia || undefined,
    deathPenaltyReview: form.deathPenaltyReview || undefined,
    otherMandatoryGround: opt(form.otherMandatoryGround),
  };
}
