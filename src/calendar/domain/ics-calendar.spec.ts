import type { FeedEvent } from './feed-events';
import { foldLines, writeIcs } from './ics-calendar';

const events: FeedEvent[] = [
  {
    uid: 'shift-1@duty-lawyer',
    sequence: 3,
    stamp: '2026-10-01T08:00:00.000Z',
    summary: '值班：值班室',
    location: '溧阳市人民法院 值班室',
    description: '详情请登录系统查看',
    cancelled: false,
    busy: true,
    when: { allDay: false, start: '2026-10-13T01:00:00.000Z', end: '2026-10-13T04:00:00.000Z', timezone: 'Asia/Shanghai' },
  },
  {
    uid: 'hearing-1@duty-lawyer',
    sequence: 1,
    stamp: '2026-10-02T08:00:00.000Z',
    summary: '宣判：(2026)苏0481刑初1号',
    location: null,
    description: 'x',
    cancelled: true,
    busy: true,
    when: { allDay: false, start: '2026-12-01T02:00:00.000Z', end: '2026-12-01T04:00:00.000Z', timezone: 'Asia/Shanghai' },
  },
  {
    uid: 'deadline-1@duty-lawyer',
    sequence: 0,
    stamp: '2026-10-01T08:00:00.000Z',
    summary: '期限：阅卷会见 (2026)苏0481刑初1号',
    location: null,
    description: 'x',
    cancelled: false,
    busy: false,
    when: { allDay: true, date: '2026-10-19', timezone: 'Asia/Shanghai' },
  },
];
const render = () => writeIcs({ name: '日程', description: '说明' }, events);
const lines = (text: string) => text.split('\r\n');

describe('writeIcs (RFC 5545)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('writes court-zone wall times with TZID and one VTIMEZONE, whatever the server zone', () => {
    const outputs = ['UTC', 'America/New_York', 'Pacific/Chatham'].map((tz) => {
      process.env.TZ = tz;
      return render();
    });
    expect(new Set(outputs).size).toBe(1);
    const text = lines(outputs[0]);
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261013T090000');
    expect(text).toContain('DTEND;TZID=Asia/Shanghai:20261013T120000');
    expect(text.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
    expect(text).toContain('TZID:Asia/Shanghai');
  });

  it('DTSTAMP and LAST-MODIFIED are UTC with Z (a zoned DTSTAMP is invalid)', () => {
    process.env.TZ = 'America/New_York';
    const text = lines(render());
    expect(text.filter((l) => l.startsWith('DTSTAMP'))).toEqual([
      'DTSTAMP:20261001T080000Z',
      'DTSTAMP:20261002T080000Z',
      'DTSTAMP:20261001T080000Z',
    ]);
    expect(text).toContain('LAST-MODIFIED:20261002T080000Z');
  });

  it('an all-day deadline is a DATE from its day to the next, transparent', () => {
    const text = render();
    expect(text).toContain('DTSTART;VALUE=DATE:20261019\r\nDTEND;VALUE=DATE:20261020');
    expect(text).toMatch(/SUMMARY:期限：阅卷会见[^]*TRANSP:TRANSPARENT/);
  });

  it('ends every content line with CRLF, the last one included (RFC 5545 §3.1)', () => {
    const text = render();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('carries UID, SEQUENCE, STATUS, an hourly refresh and METHOD:PUBLISH', () => {
    const text = lines(render());
    expect(text).toEqual(
      expect.arrayContaining(['UID:shift-1@duty-lawyer', 'SEQUENCE:3', 'STATUS:CANCELLED', 'STATUS:CONFIRMED', 'METHOD:PUBLISH']),
    );
    expect(text).toEqual(expect.arrayContaining(['REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H']));
  });
});

describe('foldLines (RFC 5545 §3.1)', () => {
  it.each([
    ['a short line stays as it is', 'SUMMARY:值班', ['SUMMARY:值班']],
    ['an ASCII line folds at 75 octets', `X:${'a'.repeat(80)}`, [`X:${'a'.repeat(73)}`, ` ${'a'.repeat(7)}`]],
    [
      'a Han line folds before a character that would cross 75 octets',
      `D:${'值'.repeat(30)}`,
      [`D:${'值'.repeat(24)}`, ` ${'值'.repeat(6)}`],
    ],
  ])('%s', (_, line, expected) => {
    expect(foldLines(line).split('\r\n')).toEqual(expected);
  });

  it('keeps every physical line of a feed within 75 octets and unfolds back to the original', () => {
    const text = render();
    for (const l of lines(text)) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    const long = `DESCRIPTION:${'详情请登录法律援助值班系统查看 emoji 🙂 '.repeat(5)}`;
    expect(foldLines(long).replace(/\r\n /g, '')).toBe(long);
  });
});
