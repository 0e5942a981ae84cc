import { WorkdayCalendar } from '../../workdays/domain/workday-calendar';
import { conversionAllowed, defenceChangedTwice, restorationDeadlines, terminationEvent } from './defence-restoration';
import { Procedure } from './notice.types';

const calendar = new WorkdayCalendar();

describe('terminationEvent (Art 17; LAL Art 48; SPC Art 50)', () => {
  it.each<[string, Parameters<typeof terminationEvent>, string]>([
    [
      'LAL Art 48: defendant’s request in a mandatory case with a reason → restore the defence',
      ['defendant_request', true, '与律师沟通严重不畅'],
      'end_at_request',
    ],
    ['Art 17(2): defendant’s request in a non-mandatory case → aid ends', ['defendant_request', false, undefined], 'terminate'],
    ['Art 17(1): self-retained in a mandatory case → aid ends', ['self_retained', true, undefined], 'terminate'],
    ['Art 17(3): case closed in a mandatory case → aid ends', ['case_closed', true, undefined], 'terminate'],
  ])('%s', (_label, args, event) => {
    expect(terminationEvent(...args)).toEqual({ event });
  });

  it.each([undefined, '', '  '])('LAL Art 48 / SPC Art 50: no justified reason (%p) → 400 on note', (note) => {
    expect(terminationEvent('defendant_request', true, note)).toEqual({
      error: { field: 'note', reason: expect.stringContaining('LAL Art 48') },
    });
  });
});

describe('restorationDeadlines (SPC Art 50; Art 5; CPL Art 105)', () => {
  it.each([
    [
      'SPC Art 50: ended Mon 10-12 → retain by Sat 10-17 → Mon 10-19 (rest day), re-notify by 10-22',
      '2026-10-12',
      '2026-10-19',
      '2026-10-22',
    ],
    [
      'SPC Art 50: ended Tue 09-22 → retain by 09-27 (Sunday) → 09-28, re-notify 10-01 → after National Day 10-08',
      '2026-09-22',
      '2026-09-28',
      '2026-10-08',
    ],
    ['SPC Art 50: ended Wed 10-14 → retain by Mon 10-19, re-notify Thu 10-22', '2026-10-14', '2026-10-19', '2026-10-22'],
  ])('%s', (_label, ended, retain, renotify) => {
    expect(restorationDeadlines(ended, calendar)).toEqual({ retainCounselBy: retain, renotifyBy: renotify });
  });

  it('CPL Art 105: the stricter reading when configured', () => {
    expect(restorationDeadlines('2026-10-12', calendar, { retainCounselBy: { extendOverHolidays: false } })).toEqual({
      retainCounselBy: '2026-10-17',
      renotifyBy: '2026-10-20',
    });
  });
});

describe('defenceChangedTwice (SPC Art 311: 更换辩护人一般不得超过两次)', () => {
  it.each([
    ['SPC Art 311: first appointment', 0, false],
    ['SPC Art 311: first change', 1, false],
    ['SPC Art 311: second change', 2, false],
    ['SPC Art 311: third change → warn', 3, true],
    ['SPC Art 311: fourth change → warn', 4, true],
  ])('%s', (_label, earlier, expected) => {
    expect(defenceChangedTwice(earlier)).toBe(expected);
  });
});

describe('conversionAllowed (CPL Art 221, 226)', () => {
  it.each<[string, Procedure, Procedure, boolean]>([
    ['CPL Art 221: simplified → ordinary', 'simplified', 'ordinary', true],
    ['CPL Art 226: fast track → ordinary', 'fast_track', 'ordinary', true],
    ['CPL Art 226: fast track → simplified', 'fast_track', 'simplified', true],
    ['CPL Art 221: unchanged', 'simplified', 'simplified', true],
    ['CPL Art 214: ordinary → simplified is not a conversion', 'ordinary', 'simplified', false],
    ['CPL Art 221: simplified → fast track is not a conversion', 'simplified', 'fast_track', false],
    ['CPL Art 254: trial supervision stays', 'trial_supervision', 'ordinary', false],
  ])('%s', (_label, from, to, expected) => {
    expect(conversionAllowed(from, to)).toBe(expected);
  });
});
