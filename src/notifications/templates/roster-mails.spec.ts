import type { MailContext, SwapRequestedMail } from './mail-types';
import { swapRequestedMail } from './roster-mails';

const ctx: MailContext = {
  baseUrl: 'https://aid.example.org',
  centerName: '溧阳市法律援助中心',
  centerPhone: '12348',
  timezone: 'Asia/Shanghai',
  now: new Date('2026-10-12T02:00:00Z'),
};
const offer: SwapRequestedMail = {
  swapRequestId: 'sw1',
  lawyer: { id: 'l2', name: '李华', email: 'li@example.com' },
  from: { id: 'l1', name: '王明', email: 'wang@example.com' },
  shift: { id: 'sh1', date: '2026-10-13', start: '13:30', end: '17:00' },
  station: { id: 's1', name: '刑事值班室', courtName: '溧阳市人民法院' },
  timezone: 'Asia/Shanghai',
};

describe('swap request mail (rule 10: swaps)', () => {
  const mail = swapRequestedMail(offer, ctx);

  it('is addressed to the offered lawyer and names who offers which shift', () => {
    expect(mail.subject).toBe('【换班申请】王明律师请您代班：2026年10月13日（星期二） 13:30–17:00');
    expect(mail.text.startsWith('李华律师：')).toBe(true);
    expect(mail.text).toContain('值班点：溧阳市人民法院 刑事值班室');
    expect(mail.text).toContain('申请律师：王明');
  });

  it('says how to accept in the system and links to the pending requests, in text and HTML', () => {
    expect(mail.text).toContain('在系统中接受：POST https://aid.example.org/api/v1/swap-requests/sw1/accept');
    expect(mail.text).toContain('在系统中查看待处理的换班申请：https://aid.example.org/api/v1/swap-requests?status=pending');
    expect(mail.html).toContain('<a href="https://aid.example.org/api/v1/swap-requests?status=pending">');
    expect(mail.html).toContain('王明');
  });

  it('carries no calendar entry: the shift is not the recipient’s until accepted', () => {
    expect(mail.attachments).toEqual([]);
  });

  it('escapes HTML in names', () => {
    const html = swapRequestedMail({ ...offer, from: { ...offer.from, name: '<b>王</b>' } }, ctx).html;
    expect(html).not.toContain('<b>王</b>');
    expect(html).toContain('&#60;b&#62;王&#60;/b&#62;');
  });
});
