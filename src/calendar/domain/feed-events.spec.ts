import {
  AssignmentRow,
  CaseRow,
  feedWindowDates,
  HearingRow,
  lawyerFeedEvents,
  ShiftRow,
  stationFeedEvents,
  StationRow,
} from './feed-events';

const T0 = '2026-10-01T00:00:00.000Z';
const station: StationRow = {
  id: 's1',
  name: '值班室',
  courtName: '溧阳市人民法院',
  timezone: 'Asia/Shanghai',
  fallbackPhone: '12348',
  updatedAt: T0,
};
const shift = (over: Partial<ShiftRow> = {}): ShiftRow => ({
  id: 'sh1',
  stationId: 's1',
  startsAt: '2026-10-13T01:00:00.000Z',
  endsAt: '2026-10-13T04:00:00.000Z',
  lawyerId: 'l1',
  sequence: 2,
  updatedAt: T0,
  ...over,
});
const kase = (over: Partial<CaseRow> = {}): CaseRow => ({
  id: 'c1',
  courtCaseNo: '(2026)苏0481刑初1号',
  courtName: '溧阳市人民法院',
  defendantName: '张三',
  juvenile: false,
  updatedAt: T0,
  ...over,
});
const hearing = (over: Partial<HearingRow> = {}): HearingRow => ({
  id: 'h1',
  caseId: 'c1',
  kind: 'trial',
  at: '2026-11-20T01:30:00.000Z',
  place: null,
  sequence: 1,
  cancelled: false,
  updatedAt: T0,
  ...over,
});
const assignment = (over: Partial<AssignmentRow> = {}): AssignmentRow => ({
  id: 'a1',
  caseId: 'c1',
  appointedAt: T0,
  contactJudgeBy: '2026-10-04',
  fileReviewBy: '2026-10-08',
  ...over,
});
const window = { ...feedWindowDates('2026-10-12'), fromInstant: '2026-07-13T16:00:00.000Z', toInstant: '2027-10-12T16:00:00.000Z' };

function lawyerFeed(over: { shifts?: ShiftRow[]; hearings?: HearingRow[]; cases?: CaseRow[]; assignments?: AssignmentRow[] } = {}) {
  return lawyerFeedEvents({
    shifts: over.shifts ?? [],
    stations: new Map([['s1', station]]),
    assignments: over.assignments ?? [assignment()],
    cases: new Map((over.cases ?? [kase()]).map((c) => [c.id, c])),
    hearings: over.hearings ?? [],
    window,
    courtTimezone: 'Asia/Shanghai',
    detailsUrl: 'https://duty.example.org',
  });
}

describe('feedWindowDates', () => {
  it('covers 90 days back to a year ahead', () => {
    expect(feedWindowDates('2026-10-12')).toEqual({ from: '2026-07-14', to: '2027-10-12' });
  });
});

describe('lawyerFeedEvents', () => {
  it('a shift: summary 值班：<station>, the station as location, its SEQUENCE and zone', () => {
    const [e] = lawyerFeed({ shifts: [shift()], assignments: [] });
    expect(e).toMatchObject({
      uid: 'shift-sh1@duty-lawyer',
      sequence: 2,
      summary: '值班：值班室',
      location: '溧阳市人民法院 值班室',
      when: { allDay: false, start: '2026-10-13T01:00:00.000Z', end: '2026-10-13T04:00:00.000Z', timezone: 'Asia/Shanghai' },
    });
  });

  it('DTSTAMP is the latest change of anything the event shows (a renamed station counts)', () => {
    const renamed = { ...station, updatedAt: '2026-10-05T00:00:00.000Z' };
    const events = lawyerFeedEvents({
      shifts: [shift()],
      stations: new Map([['s1', renamed]]),
      assignments: [],
      cases: new Map(),
      hearings: [],
      window,
      courtTimezone: 'Asia/Shanghai',
      detailsUrl: 'x',
    });
    expect(events[0].stamp).toBe('2026-10-05T00:00:00.000Z');
  });

  it.each([
    [
      'Art 11: a trial inside the window is shown for two hours',
      hearing(),
      ['开庭审理：(2026)苏0481刑初1号 张某', '2026-11-20T03:30:00.000Z'],
    ],
    [
      'a pretrial meeting has its own label',
      hearing({ kind: 'pretrial_meeting' }),
      ['庭前会议：(2026)苏0481刑初1号 张某', '2026-11-20T03:30:00.000Z'],
    ],
    ['a hearing without a date (postponed sine die) is left out', hearing({ kind: 'postponed', at: null }), null],
    ['a hearing before the window is left out', hearing({ at: '2026-07-13T15:59:59.000Z' }), null],
    ['a hearing at the window end is left out', hearing({ at: '2027-10-12T16:00:00.000Z' }), null],
    ['a hearing of a case without an active assignment is left out', hearing({ caseId: 'c2' }), null],
  ])('%s', (_, h, expected) => {
    const events = lawyerFeed({ hearings: [h], cases: [kase(), kase({ id: 'c2' })] }).filter((e) => e.uid.startsWith('hearing-'));
    if (expected === null) expect(events).toEqual([]);
    else expect(events.map((e) => [e.summary, e.when.allDay ? null : e.when.end])).toEqual([expected]);
  });

  it('a cancelled hearing stays in the feed as cancelled, so clients remove it', () => {
    const [e] = lawyerFeed({ hearings: [hearing({ cancelled: true })] }).filter((x) => x.uid.startsWith('hearing-'));
    expect(e.cancelled).toBe(true);
  });

  it('Art 12 deadlines are free all-day events in the court zone, inside the window only', () => {
    const events = lawyerFeed({
      assignments: [assignment(), assignment({ id: 'a2', contactJudgeBy: '2026-07-13', fileReviewBy: '2026-07-14' })],
    });
    expect(events.map((e) => [e.uid, e.summary, e.when, e.busy])).toEqual([
      [
        'deadline-file-review-a2@duty-lawyer',
        '期限：阅卷会见 (2026)苏0481刑初1号 张某',
        { allDay: true, date: '2026-07-14', timezone: 'Asia/Shanghai' },
        false,
      ],
      [
        'deadline-contact-judge-a1@duty-lawyer',
        '期限：联系承办法官 (2026)苏0481刑初1号 张某',
        { allDay: true, date: '2026-10-04', timezone: 'Asia/Shanghai' },
        false,
      ],
      [
        'deadline-file-review-a1@duty-lawyer',
        '期限：阅卷会见 (2026)苏0481刑初1号 张某',
        { allDay: true, date: '2026-10-08', timezone: 'Asia/Shanghai' },
        false,
      ],
    ]);
  });

  it('Art 23: a juvenile case is named by its number alone', () => {
    const events = lawyerFeed({ cases: [kase({ juvenile: true, defendantName: '王小明' })], hearings: [hearing()] });
    expect(events.map((e) => e.summary)).toEqual([
      '期限：联系承办法官 (2026)苏0481刑初1号',
      '期限：阅卷会见 (2026)苏0481刑初1号',
      '开庭审理：(2026)苏0481刑初1号',
    ]);
    expect(JSON.stringify(events)).not.toContain('王');
  });

  it('orders events by start, then UID, whatever the input order', () => {
    const a = lawyerFeed({ shifts: [shift({ id: 'b', startsAt: '2026-10-14T01:00:00.000Z' }), shift({ id: 'a' })], assignments: [] });
    const b = lawyerFeed({ shifts: [shift({ id: 'a' }), shift({ id: 'b', startsAt: '2026-10-14T01:00:00.000Z' })], assignments: [] });
    expect(a).toEqual(b);
    expect(a.map((e) => e.uid)).toEqual(['shift-a@duty-lawyer', 'shift-b@duty-lawyer']);
  });
});

describe('stationFeedEvents', () => {
  const input = (withPhones: boolean) => ({
    station,
    shifts: [shift(), shift({ id: 'sh2', lawyerId: null, startsAt: '2026-10-14T01:00:00.000Z' })],
    lawyers: new Map([['l1', { id: 'l1', name: '王律师', phone: '13800000001', updatedAt: '2026-10-09T00:00:00.000Z' }]]),
    detailsUrl: 'https://duty.example.org',
    withPhones,
  });

  it('names the lawyer on duty with the phone for the center, and sends staff to the fallback phone for an unfilled shift', () => {
    const events = stationFeedEvents(input(true));
    expect(events.map((e) => [e.uid, e.summary, e.stamp])).toEqual([
      ['station-shift-sh1@duty-lawyer', '值班：王律师 13800000001', '2026-10-09T00:00:00.000Z'],
      ['station-shift-sh2@duty-lawyer', '值班：未安排', T0],
    ]);
    expect(events[1].description).toContain('12348');
  });

  it('gives a court’s reception and clerks names and times, never the mobile number (Art 23)', () => {
    const events = stationFeedEvents(input(false));
    expect(events[0].summary).toBe('值班：王律师');
    expect(JSON.stringify(events)).not.toContain('13800000001');
  });
});
