import { attendanceOf, checkInRefusal, dutyActionAt, effectiveTimes, type LogEntry } from './duty-rules';

const shift = { startsAt: new Date('2026-10-12T01:00:00Z'), endsAt: new Date('2026-10-12T04:00:00Z'), lawyerId: 'L1' };
const t = (hhmm: string) => new Date(`2026-10-12T${hhmm}:00Z`);

describe('checkInRefusal (Art 2: check-in on the shift)', () => {
  it.each([
    ['61 min before the start: too early', '23:59', 'SHIFT_NOT_STARTED'],
    ['60 min before the start: allowed', '00:00', null],
    ['during the shift', '02:00', null],
    ['at the end: the shift is over', '04:00', 'SHIFT_ENDED'],
  ])('%s', (_, hhmm, code) => {
    const now = hhmm === '23:59' ? new Date('2026-10-11T23:59:00Z') : t(hhmm);
    expect(checkInRefusal(shift, now, 60)?.code ?? null).toBe(code);
  });
});

describe("dutyActionAt (Art 2: the check-in / check-out button on the lawyer's phone)", () => {
  it.each([
    ['Art 2: more than an hour before the start → no button yet', '2026-10-11T23:59:00Z', false, false, null],
    ['Art 2: inside the early window → 签到', '2026-10-12T00:30:00Z', false, false, 'check_in'],
    ['Art 2: during the shift, not checked in → 签到 (late is recorded, not refused)', '2026-10-12T02:00:00Z', false, false, 'check_in'],
    ['Art 2: checked in → 签退', '2026-10-12T02:00:00Z', true, false, 'check_out'],
    ['Art 2: after the end, still checked in → 签退 stays', '2026-10-12T05:00:00Z', true, false, 'check_out'],
    ['Art 2: after the end, never checked in → none (the dispatcher corrects)', '2026-10-12T05:00:00Z', false, false, null],
    ['Art 2: checked out → nothing left to record', '2026-10-12T03:00:00Z', true, true, null],
  ])('%s', (_, now, checkedIn, checkedOut, action) => {
    expect(dutyActionAt(shift, checkedIn, checkedOut, new Date(now), 60)).toBe(action);
  });
});

describe('attendanceOf (rule 11: late and missing check-ins visible to the dispatcher)', () => {
  it.each([
    ['checked in within the grace → on time', t('01:15'), t('03:00'), 'on_time', 0],
    ['checked in after the grace → late', t('01:16'), t('03:00'), 'late', 16],
    ['not started yet → upcoming', null, t('00:30'), 'upcoming', 0],
    ['started, within the grace → awaiting', null, t('01:10'), 'awaiting', 0],
    ['past the grace, no check-in → not arrived', null, t('01:40'), 'not_arrived', 40],
    ['ended without check-in → missing', null, t('05:00'), 'missing', 180],
  ])('%s', (_, checkIn, now, status, lateBy) => {
    expect(attendanceOf(shift, checkIn, now, 15)).toEqual({ status, lateByMinutes: lateBy });
  });

  it('a shift nobody holds is unfilled, not missing', () => {
    expect(attendanceOf({ ...shift, lawyerId: null }, null, t('05:00'), 15).status).toBe('unfilled');
  });
});

describe('effectiveTimes (rule 11: corrections are new entries, the original stays)', () => {
  const e = (id: string, kind: LogEntry['kind'], at: string, correctsId: string | null = null): LogEntry => ({ id, kind, at, correctsId });

  it.each([
    ['no entries', [], null, null],
    ['check-in only', [e('1', 'check_in', 'A')], { entryId: '1', at: 'A', recordedAt: 'A', corrected: false }, null],
    [
      'a chain of two corrections resolves to the last',
      [e('1', 'check_in', 'A'), e('2', 'check_out', 'B'), e('3', 'correction', 'A2', '1'), e('4', 'correction', 'A3', '3')],
      { entryId: '1', at: 'A3', recordedAt: 'A', corrected: true },
      { entryId: '2', at: 'B', recordedAt: 'B', corrected: false },
    ],
  ])('%s', (_, entries, checkIn, checkOut) => {
    expect(effectiveTimes(entries as LogEntry[])).toEqual({ checkIn, checkOut });
  });
});
