import { assignedMail, deadlineReminderMail, hearingMail, reassignedMail, terminatedMail } from './case-mails';
import type { AssignedMail, CaseRef, MailContext, RenderedMail, Recipient, StationRef, SwapRequestedMail } from './mail-types';
import { rosterPublishedMail, shiftChangedMail, shiftReminderMail, swapRequestedMail } from './roster-mails';

const ctx: MailContext = {
  baseUrl: 'https://aid.example.org',
  centerName: '溧阳市法律援助中心',
  centerPhone: '12348',
  timezone: 'Asia/Shanghai',
  now: new Date('2026-10-12T02:00:00Z'),
};
const lawyer: Recipient = { id: 'l1', name: '王律师', email: 'wang@example.com' };
const other: Recipient = { id: 'l2', name: '李律师', email: 'li@example.com' };
const station: StationRef = { id: 's1', name: '刑事值班室', courtName: '溧阳市人民法院' };
const juvenileCase: CaseRef = {
  id: 'c1',
  courtCaseNo: '(2026)苏0481刑初123号',
  courtName: '溧阳市人民法院',
  charges: ['盗窃罪', '抢夺罪'],
  defendant: { name: '张小明', juvenile: true },
};
const shift = { id: 'sh1', date: '2026-10-13', start: '09:00', end: '12:00' };
const assigned: AssignedMail = {
  assignmentId: 'a1',
  lawyer,
  case: juvenileCase,
  judge: { name: '赵法官', phone: '0519-87654321' },
  deadlines: { contactJudgeBy: '2026-10-15', fileReviewAndMeetingBy: '2026-10-19' },
};
const hearing = { id: 'h1', kind: 'trial' as const, at: '2026-10-20T01:30:00Z', place: '第三法庭' };

const rendered: Array<[string, RenderedMail]> = [
  ['roster published', rosterPublishedMail({ rosterId: 'r1', lawyer, station, timezone: 'Asia/Shanghai', shifts: [shift] }, ctx)],
  [
    'shift override, new holder',
    shiftChangedMail(
      { changeId: 'x', change: 'override', shift, station, previous: other, lawyer, reason: '病假', timezone: 'Asia/Shanghai' },
      'holder',
      ctx,
    ),
  ],
  [
    'shift swap, previous holder',
    shiftChangedMail(
      { changeId: 'x', change: 'swap', shift, station, previous: other, lawyer, timezone: 'Asia/Shanghai' },
      'previous',
      ctx,
    ),
  ],
  ['assignment', assignedMail(assigned, ctx)],
  ['re-assignment, new lawyer', reassignedMail({ ...assigned, previous: other, reason: '原律师回避' }, 'holder', ctx)],
  ['re-assignment, previous lawyer', reassignedMail({ ...assigned, previous: other, reason: '原律师回避' }, 'previous', ctx)],
  ['hearing added', hearingMail({ hearing, change: 'added', lawyer, case: juvenileCase }, ctx)],
  ['termination', terminatedMail({ assignmentId: 'a1', lawyer, case: juvenileCase, ground: 'self_retained' }, ctx)],
  ['shift reminder', shiftReminderMail({ lawyer, station, shift, timezone: 'Asia/Shanghai' }, ctx)],
  ['deadline reminder', deadlineReminderMail({ lawyer, case: juvenileCase, deadline: { kind: 'contact_judge', due: '2026-10-15' } }, ctx)],
];

const everything = (m: RenderedMail) => [m.subject, m.text, m.html, ...m.attachments.map((a) => a.content)].join('\n');

describe('mail templates', () => {
  it.each(rendered)('%s: has a subject, a text and an HTML part, and links to a console page the lawyer can open', (_name, mail) => {
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.text).toMatch(/https:\/\/aid\.example\.org\/me\/(cases\/c1|shifts)\n/);
    expect(mail.html).toMatch(/<a href="https:\/\/aid\.example\.org\/me\/(cases\/c1|shifts)">/);
    expect(mail.text).toContain('溧阳市法律援助中心');
  });

  it.each(rendered)('%s: never sends the lawyer to a raw API address, nor shows a warning code', (_name, mail) => {
    expect(everything(mail)).not.toContain('/api/v1');
    expect(everything(mail)).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
  });

  it.each([
    ['a hearing', rendered[6][1], 'https://aid.example.org/me/cases/c1'],
    ['a published roster', rendered[0][1], 'https://aid.example.org/me/shifts'],
  ])('the calendar entry of %s links to the same console page and ends every line with CRLF', (_name, mail, url) => {
    const ics = mail.attachments[0].content as string;
    expect(ics.replace(/\r\n /g, '')).toContain(`URL;VALUE=URI:${url}`);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each(rendered)('%s: never names the juvenile defendant (Art 23)', (_name, mail) => {
    expect(everything(mail)).not.toContain('小明');
  });

  it.each([
    ['roster published', '排班表已发布', 0],
    ['shift reminder', '【提醒】明日值班', 8],
    ['deadline reminder', '【提醒】', 9],
    ['re-assignment, new lawyer', '重新指派', 4],
  ])('%s: subject says %s', (_name, phrase, index) => {
    expect(rendered[index][1].subject).toContain(phrase);
  });

  it('lists every shift of the lawyer in the roster, in order, with one calendar event each', () => {
    const mail = rosterPublishedMail(
      {
        rosterId: 'r1',
        lawyer,
        station,
        timezone: 'Asia/Shanghai',
        shifts: [
          { id: 'b', date: '2026-10-20', start: '14:00', end: '17:00' },
          { id: 'a', date: '2026-10-13', start: '09:00', end: '12:00' },
        ],
      },
      ctx,
    );
    expect(mail.subject).toContain('共有2个班次');
    expect(mail.text.indexOf('2026年10月13日（星期二）')).toBeLessThan(mail.text.indexOf('2026年10月20日（星期二）'));
    const ics = mail.attachments[0].content;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20261013T090000');
  });

  it('writes .ics times in the court zone with its VTIMEZONE and a UTC DTSTAMP, whatever the server zone', () => {
    const ics = rendered[0][1].attachments[0];
    expect(ics).toMatchObject({ filename: 'duty-shifts.ics', contentType: expect.stringContaining('text/calendar') });
    expect(ics.content).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    expect(ics.content).toContain('DTEND;TZID=Asia/Shanghai:20261013T120000');
    expect(ics.content).toContain('DTSTAMP:20261012T020000Z');
    expect(ics.content).toContain('UID:shift-sh1@duty-lawyer');
  });

  it('ends a shift past midnight on the next day', () => {
    const mail = shiftReminderMail({ lawyer, station, shift: { ...shift, start: '22:00', end: '08:00' }, timezone: 'Asia/Shanghai' }, ctx);
    expect(mail.text).toContain('22:00–次日08:00');
    const roster = rosterPublishedMail(
      { rosterId: 'r', lawyer, station, timezone: 'Asia/Shanghai', shifts: [{ ...shift, start: '22:00', end: '08:00' }] },
      ctx,
    );
    expect(roster.attachments[0].content).toContain('DTEND;TZID=Asia/Shanghai:20261014T080000');
  });

  it('gives the Art 12 deadlines and the judge to contact on an assignment', () => {
    const { text } = rendered[3][1];
    expect(text).toContain('联系案件承办法官（第十二条，3日内）：2026年10月15日（星期四）前');
    expect(text).toContain('完成阅卷和会见（第十二条，7日内）：2026年10月19日（星期一）前');
    expect(text).toContain('承办法官：赵法官（电话 0519-87654321）');
    expect(text).toContain('被告人：张某');
  });

  it.each([
    ['trial', true],
    ['pretrial_meeting', true],
    ['verdict', true],
    ['postponed', false],
    ['suspended', false],
  ] as const)('a %s hearing mail carries a calendar entry: %s (Art 11)', (kind, withIcs) => {
    const mail = hearingMail({ hearing: { ...hearing, kind }, change: 'changed', lawyer, case: juvenileCase }, ctx);
    expect(mail.subject).toContain(
      {
        trial: '【开庭审理变更】',
        pretrial_meeting: '【庭前会议变更】',
        verdict: '【宣告判决变更】',
        postponed: '【延期审理变更】',
        suspended: '【中止审理变更】',
      }[kind],
    );
    expect(mail.text).toContain('2026年10月20日（星期二）09:30');
    expect(mail.attachments).toHaveLength(withIcs ? 1 : 0);
    if (withIcs) expect(mail.attachments[0].content).toContain('DTSTART;TZID=Asia/Shanghai:20261020T093000');
  });

  it('names the Art 17 ground of a termination', () => {
    expect(rendered[7][1].text).toContain('终止理由：被告人自行委托其他辩护人');
  });

  it('notes a hearing told fewer than three days ahead (Art 11)', () => {
    const mail = hearingMail({ hearing: { ...hearing, shortNotice: true }, change: 'added', lawyer, case: juvenileCase }, ctx);
    expect(mail.text).toContain('通知时间不足三日：本次通知距开庭审理不足三日');
    expect(rendered[6][1].text).not.toContain('不足三日');
  });

  it('does not call a pre-trial meeting a trial (Art 11)', () => {
    const mail = hearingMail(
      { hearing: { ...hearing, kind: 'pretrial_meeting', shortNotice: true }, change: 'added', lawyer, case: juvenileCase },
      ctx,
    );
    expect(mail.subject).toContain('【庭前会议通知】');
    expect(mail.text).toContain('本次通知距庭前会议不足三日');
    expect(everything(mail)).not.toMatch(/开庭|庭审/);
  });

  it('calls off a hearing: the calendar entry is cancelled with a newer SEQUENCE (Art 11)', () => {
    const mail = hearingMail(
      { hearing: { ...hearing, shortNotice: true, sequence: 2, cancelled: true }, change: 'changed', lawyer, case: juvenileCase },
      ctx,
    );
    expect(mail.subject).toContain('【开庭审理取消】');
    expect(mail.text).not.toContain('不足三日');
    expect(mail.attachments[0].content).toContain('STATUS:CANCELLED');
    expect(mail.attachments[0].content).toContain('SEQUENCE:2');
  });

  it('tells a postponement without a new date as "to be announced" and attaches no calendar entry', () => {
    const mail = hearingMail({ hearing: { ...hearing, kind: 'postponed', at: null }, change: 'added', lawyer, case: juvenileCase }, ctx);
    expect(mail.text).toContain('时间：另行通知');
    expect(mail.attachments).toHaveLength(0);
  });

  it('releases a lawyer whose refusal was justified without calling it a termination of aid (Art 5)', () => {
    const mail = terminatedMail({ assignmentId: 'a1', lawyer, case: juvenileCase, ground: 'refused', note: '法院准许' }, ctx);
    expect(mail.subject).toBe('【指派结束】(2026)苏0481刑初123号');
    expect(mail.text).toContain('原因：拒绝辩护理由成立（实施意见第五条）');
    expect(mail.text).not.toContain('终止');
  });

  it('says so when the notice gave no judge contact (Art 7)', () => {
    const mail = assignedMail({ ...assigned, judge: { name: null, phone: null } }, ctx);
    expect(mail.text).toContain('承办法官：（通知未载明，请向法院询问）\n');
  });

  it('shows an adult defendant by full name', () => {
    const mail = assignedMail({ ...assigned, case: { ...juvenileCase, defendant: { name: '张大明', juvenile: false } } }, ctx);
    expect(mail.text).toContain('被告人：张大明');
  });

  it('escapes HTML in data', () => {
    const mail = shiftChangedMail(
      {
        changeId: 'x',
        change: 'override',
        shift,
        station,
        previous: null,
        lawyer,
        reason: '<script>x</script>',
        timezone: 'Asia/Shanghai',
      },
      'holder',
      ctx,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#60;script&#62;');
    expect(mail.text).toContain('<script>x</script>');
  });
});

describe('swap request mail (rule 10: swaps)', () => {
  const offer: SwapRequestedMail = {
    swapRequestId: 'sw1',
    lawyer: { ...other, name: '李华' },
    from: { ...lawyer, name: '王明' },
    shift: { ...shift, start: '13:30', end: '17:00' },
    station,
    timezone: 'Asia/Shanghai',
  };
  const mail = swapRequestedMail(offer, ctx);

  it('is addressed to the offered lawyer and names who offers which shift', () => {
    expect(mail.subject).toBe('【换班申请】王明律师请您代班：2026年10月13日（星期二） 13:30–17:00');
    expect(mail.text.startsWith('李华律师：')).toBe(true);
    expect(mail.text).toContain('值班点：溧阳市人民法院 刑事值班室');
    expect(mail.text).toContain('申请律师：王明');
  });

  it('says how to accept in the system and links to the lawyer’s swaps page, in text and HTML', () => {
    expect(mail.text).toContain('请在系统的“换班”页面接受或拒绝。');
    expect(mail.text).toContain('在系统中处理换班申请：https://aid.example.org/me/swaps');
    expect(mail.html).toContain('<a href="https://aid.example.org/me/swaps">');
  });

  it('carries no calendar entry: the shift is not the recipient’s until accepted', () => {
    expect(mail.attachments).toEqual([]);
  });

  it('escapes HTML in names', () => {
    const html = swapRequestedMail({ ...offer, from: { ...lawyer, name: '<b>王</b>' } }, ctx).html;
    expect(html).not.toContain('<b>王</b>');
    expect(html).toContain('&#60;b&#62;王&#60;/b&#62;');
  });
});
