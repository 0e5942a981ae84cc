import { MandatoryGroundCode } from './mandatory-grounds';
import { missingFields, noticeWarnings, tenDayRuleApplies, trialDateOf } from './notice-completeness';
import { notice } from './notice.fixtures';
import { CourtNotice, NoticeDefendant, Procedure } from './notice.types';

const TZ = 'Asia/Shanghai';
const TRIAL = '2026-10-20T09:00:00+08:00'; // trial date 2026-10-20 → papers due by 2026-10-10

function complete(over: Partial<CourtNotice> = {}, defendant: Partial<NoticeDefendant> = {}): CourtNotice {
  return notice(
    {
      trialAt: TRIAL,
      trialPlace: '第一审判庭',
      indictmentAttached: true,
      ...over,
    },
    defendant,
  );
}

const atLarge = { detained: false, detentionPlace: undefined, address: '溧阳市燕山路1号', phone: '13800000000' };

describe('missingFields (Art 4, Art 7)', () => {
  const rows: [string, CourtNotice, string[]][] = [
    ['Art 4: complete notice, detained defendant', complete(), []],
    ['Art 4: complete notice, defendant at large', complete({}, atLarge), []],
    ['Art 4: judge name missing', complete({ judge: { phone: '0519-87000000' } }), ['judge.name']],
    ['Art 4: judge phone blank', complete({ judge: { name: '李法官', phone: '  ' } }), ['judge.phone']],
    ['Art 4: no judge at all', complete({ judge: undefined }), ['judge.name', 'judge.phone']],
    ['Art 4: trial time not fixed', complete({ trialAt: undefined }), ['trialAt']],
    ['Art 4: trial place missing', complete({ trialPlace: '' }), ['trialPlace']],
    ['Art 4: detained without detention place', complete({}, { detentionPlace: undefined }), ['defendant.detentionPlace']],
    ['Art 4: at large without address', complete({}, { ...atLarge, address: undefined }), ['defendant.address']],
    ['Art 4: at large without phone', complete({}, { ...atLarge, phone: undefined }), ['defendant.phone']],
    [
      'Art 4: at large, no contact at all (detention place not asked)',
      complete({}, { detained: false, detentionPlace: undefined }),
      ['defendant.address', 'defendant.phone'],
    ],
    ['Art 4: detained, address/phone not asked', complete({}, { address: undefined, phone: undefined }), []],
    ['Art 4: indictment copy not attached', complete({ indictmentAttached: false }), ['indictmentAttached']],
    ['Art 4: indictment flag absent', complete({ indictmentAttached: undefined }), ['indictmentAttached']],
    ['Art 4: charges empty', complete({ charges: [] }), ['charges']],
    ['Art 4: defendant name blank', complete({}, { name: ' ' }), ['defendant.name']],
    [
      'Art 4: bare notice lists everything in Art 4 order',
      complete({ judge: {}, trialAt: undefined, trialPlace: undefined, indictmentAttached: undefined }, { detentionPlace: undefined }),
      ['defendant.detentionPlace', 'judge.name', 'judge.phone', 'trialAt', 'trialPlace', 'indictmentAttached'],
    ],
  ];
  it.each(rows)('%s', (_name, n, expected) => {
    expect(missingFields(n)).toEqual(expected);
  });
});

describe('noticeWarnings (Art 4 NOTICE_LATE, Art 7 POSTPONEMENT_ADVISED; CPL Art 187, 219, 224)', () => {
  // [name, notice, receivedAt, now, expected codes]
  const rows: [string, CourtNotice, string, string, string[]][] = [
    ['Art 4: received T−11 → in time', complete(), '2026-10-09T10:00:00+08:00', '2026-10-09T10:00:00+08:00', []],
    [
      'Art 4: received T−10, late in the day → in time (T not counted)',
      complete(),
      '2026-10-10T23:30:00+08:00',
      '2026-10-10T23:30:00+08:00',
      [],
    ],
    ['Art 4: received T−9 → NOTICE_LATE', complete(), '2026-10-11T00:10:00+08:00', '2026-10-11T00:10:00+08:00', ['NOTICE_LATE']],
    [
      'Art 4: received the day before the trial → NOTICE_LATE',
      complete(),
      '2026-10-19T09:00:00+08:00',
      '2026-10-19T09:00:00+08:00',
      ['NOTICE_LATE'],
    ],
    // the court's zone decides the date: 2026-10-10T16:30Z is 10-11 00:30 in Shanghai
    [
      'Art 4: UTC instant read in court zone → T−9 → NOTICE_LATE',
      complete(),
      '2026-10-10T16:30:00Z',
      '2026-10-10T16:30:00Z',
      ['NOTICE_LATE'],
    ],
    ['Art 4: UTC instant read in court zone → T−10 → in time', complete(), '2026-10-10T15:30:00Z', '2026-10-10T15:30:00Z', []],
    [
      'Art 4: trial date unknown → no timing warning',
      complete({ trialAt: undefined }),
      '2026-10-19T09:00:00+08:00',
      '2026-10-19T09:00:00+08:00',
      [],
    ],
    [
      'CPL Art 219: simplified procedure, received T−2 → no NOTICE_LATE',
      complete({ procedure: 'simplified' }),
      '2026-10-18T09:00:00+08:00',
      '2026-10-18T09:00:00+08:00',
      [],
    ],
    [
      'CPL Art 224: fast track, received T−1 → no NOTICE_LATE',
      complete({ procedure: 'fast_track' }),
      '2026-10-19T09:00:00+08:00',
      '2026-10-19T09:00:00+08:00',
      [],
    ],
    [
      'CPL Art 187: trial supervision, received T−5 → NOTICE_LATE',
      complete({ procedure: 'trial_supervision' }),
      '2026-10-15T09:00:00+08:00',
      '2026-10-15T09:00:00+08:00',
      ['NOTICE_LATE'],
    ],
    // Art 7
    [
      'Art 7: incomplete, received early, now still ≥ 10 days before → nothing yet',
      complete({ judge: { name: '李法官' } }),
      '2026-10-01T09:00:00+08:00',
      '2026-10-10T20:00:00+08:00',
      [],
    ],
    [
      'Art 7: incomplete, received early, now T−9 → POSTPONEMENT_ADVISED',
      complete({ judge: { name: '李法官' } }),
      '2026-10-01T09:00:00+08:00',
      '2026-10-11T08:00:00+08:00',
      ['POSTPONEMENT_ADVISED'],
    ],
    [
      'Art 4 + Art 7: incomplete and late → NOTICE_LATE and POSTPONEMENT_ADVISED',
      complete({ indictmentAttached: false }),
      '2026-10-15T09:00:00+08:00',
      '2026-10-15T09:00:00+08:00',
      ['NOTICE_LATE', 'POSTPONEMENT_ADVISED'],
    ],
    ['Art 7: complete but late → NOTICE_LATE only', complete(), '2026-10-15T09:00:00+08:00', '2026-10-16T09:00:00+08:00', ['NOTICE_LATE']],
    [
      'Art 7: trial already started → nothing to postpone',
      complete({ trialPlace: undefined }),
      '2026-10-01T09:00:00+08:00',
      '2026-10-20T09:00:00+08:00',
      [],
    ],
    [
      'Art 7: trial day, before the hearing starts → POSTPONEMENT_ADVISED',
      complete({ trialPlace: undefined }),
      '2026-10-01T09:00:00+08:00',
      '2026-10-20T08:00:00+08:00',
      ['POSTPONEMENT_ADVISED'],
    ],
    [
      'CPL Art 219 / Art 7: simplified, incomplete, T−3 → no postponement warning',
      complete({ procedure: 'simplified', trialPlace: undefined }),
      '2026-10-01T09:00:00+08:00',
      '2026-10-17T09:00:00+08:00',
      [],
    ],
  ];
  it.each(rows)('%s', (_name, n, receivedAt, now, expected) => {
    expect(noticeWarnings(n, [], receivedAt, new Date(now), TZ).map((w) => w.code)).toEqual(expected);
  });

  it('Art 4: the NOTICE_LATE message gives the due date and the article', () => {
    const [w] = noticeWarnings(complete(), [], '2026-10-15T09:00:00+08:00', new Date('2026-10-15T09:00:00+08:00'), TZ);
    expect(w.message).toContain('2026-10-10');
    expect(w.message).toContain('第四条');
  });

  it('Art 7: the POSTPONEMENT_ADVISED message lists the missing fields in words (people read it; never the API paths)', () => {
    const ws = noticeWarnings(complete({ judge: {} }), [], '2026-10-01T00:00:00+08:00', new Date('2026-10-18T09:00:00+08:00'), TZ);
    expect(ws[0].message).toContain('承办法官姓名、承办法官电话');
    expect(ws[0].message).not.toContain('judge.');
  });

  it.each<[string, Procedure, boolean]>([
    ['CPL Art 187: ordinary', 'ordinary', true],
    ['CPL Art 187: trial supervision', 'trial_supervision', true],
    ['CPL Art 219: simplified', 'simplified', false],
    ['CPL Art 224: fast track', 'fast_track', false],
  ])('tenDayRuleApplies: %s → %p', (_name, procedure, expected) => {
    expect(tenDayRuleApplies(complete({ procedure }), [])).toBe(expected);
  });

  // A barred procedure cannot lawfully be used: the trial will be ordinary, so the 10 days apply.
  it.each<[string, Procedure, MandatoryGroundCode[], boolean]>([
    ['CPL Art 187, 215: simplified with a hearing-disabled defendant → 10 days apply', 'simplified', ['hearing_disability'], true],
    ['CPL Art 187, 223: fast track with a limited-capacity defendant → 10 days apply', 'fast_track', ['limited_capacity'], true],
    ['CPL Art 187, 223: fast track with a minor → 10 days apply', 'fast_track', ['minor'], true],
    ['CPL Art 219: simplified with a minor (no bar in Art 215) → skipped', 'simplified', ['minor'], false],
    ['CPL Art 224: fast track, trial in absentia (no bar) → skipped', 'fast_track', ['trial_in_absentia'], false],
    ['CPL Art 187: ordinary with any ground → applies', 'ordinary', ['minor'], true],
  ])('tenDayRuleApplies: %s', (_name, procedure, grounds, expected) => {
    expect(tenDayRuleApplies(complete({ procedure }), grounds)).toBe(expected);
  });

  it.each<[string, Procedure, MandatoryGroundCode[], string[]]>([
    [
      'Art 4, CPL Art 187, 215: deaf defendant in "simplified", received T−2 → NOTICE_LATE',
      'simplified',
      ['hearing_disability'],
      ['NOTICE_LATE', 'POSTPONEMENT_ADVISED'],
    ],
    [
      'Art 4, CPL Art 187, 223: mentally ill defendant in "fast_track", received T−2 → NOTICE_LATE',
      'fast_track',
      ['limited_capacity'],
      ['NOTICE_LATE', 'POSTPONEMENT_ADVISED'],
    ],
    ['CPL Art 219: lawful simplified, received T−2 → nothing', 'simplified', [], []],
  ])('noticeWarnings: %s', (_name, procedure, grounds, expected) => {
    const n = complete({ procedure, trialPlace: undefined });
    expect(noticeWarnings(n, grounds, '2026-10-18T09:00:00+08:00', new Date('2026-10-18T09:00:00+08:00'), TZ).map((w) => w.code)).toEqual(
      expected,
    );
  });

  it.each([
    ['Art 4: trial instant read in court zone', '2026-10-19T17:00:00Z', '2026-10-20'],
    ['Art 4: invalid trial instant → unknown', 'not a date', undefined],
    ['Art 4: no trial instant → unknown', undefined, undefined],
  ])('trialDateOf: %s', (_name, trialAt, expected) => {
    expect(trialDateOf(complete({ trialAt }), TZ)).toBe(expected);
  });
});
