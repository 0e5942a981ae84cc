import { aidOrderedMail, fileReadingOverdueMail, offerStalledMail } from './center-mails';
import type { CaseRef, MailContext, RenderedMail } from './mail-types';

const ctx: MailContext = {
  baseUrl: 'https://aid.example.org',
  centerName: '溧阳市法律援助中心',
  centerPhone: '12348',
  timezone: 'Asia/Shanghai',
  now: new Date('2026-10-16T02:00:00Z'),
};
const juvenileCase: CaseRef = {
  id: 'c1',
  courtCaseNo: '(2026)苏0481刑初123号',
  courtName: '溧阳市人民法院',
  charges: ['盗窃罪'],
  defendant: { name: '张小明', juvenile: true },
};
const stalled = { assignmentId: 'a1', case: juvenileCase, lawyerName: '王明', appointBy: '2026-10-15' };

const rendered: Array<[string, RenderedMail]> = [
  [
    'Art 18 / LAL Art 49 aid ordered',
    aidOrderedMail({ objectionId: 'o1', case: juvenileCase, appointBy: '2026-10-19', note: '张小明的异议成立' }, ctx),
  ],
  [
    'offer declined, nobody left',
    offerStalledMail({ ...stalled, end: 'declined', reason: '与张小明的家属相识', stop: 'NO_ELIGIBLE_LAWYER' }, ctx),
  ],
  ['offer expired, Art 6 too near', offerStalledMail({ ...stalled, end: 'expired', reason: null, stop: 'OFFER_TOO_LATE' }, ctx)],
  [
    'Art 13 / 21 file reading overdue',
    fileReadingOverdueMail(
      { requestId: 'r1', case: juvenileCase, lawyerName: '王明', requestedAt: '2026-10-12T01:30:00Z', arrangeBy: '2026-10-15' },
      ctx,
    ),
  ],
];
const everything = (m: RenderedMail) => [m.subject, m.text, m.html].join('\n');

describe('mails to the legal aid center', () => {
  it.each(rendered)('%s: greets the center and links to the dispatcher case page, never to the API', (_name, mail) => {
    expect(mail.text).toMatch(/^溧阳市法律援助中心：\n/);
    expect(mail.text).not.toContain('律师：\n');
    expect(mail.text).toContain('https://aid.example.org/cases/c1\n');
    expect(mail.html).toContain('<a href="https://aid.example.org/cases/c1">');
    expect(everything(mail)).not.toContain('/api/v1');
    expect(everything(mail)).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
  });

  it.each(rendered)('%s: never names the juvenile defendant, even in typed text (Art 23)', (_name, mail) => {
    expect(everything(mail)).not.toContain('小明');
    expect(everything(mail)).toContain('张某');
  });

  it.each([
    [rendered[0][1], '【责令提供法律援助】(2026)苏0481刑初123号（请于2026年10月19日（星期一）前指派）', '2026年10月19日（星期一）前'],
    [rendered[1][1], '【待指派】(2026)苏0481刑初123号：王明律师拒绝邀请', '没有其他符合条件的律师可以邀请'],
    [rendered[2][1], '【待指派】(2026)苏0481刑初123号：王明律师答复超时', '距第六条指派期限已不足律师答复的时间'],
    [
      rendered[3][1],
      '【阅卷超期】(2026)苏0481刑初123号：法院未在2026年10月15日（星期四）前安排阅卷',
      '申请时间：2026年10月12日（星期一）09:30',
    ],
  ])('subject %s; the body says %s', (mail, subject, phrase) => {
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(phrase);
  });
});
