import { describe, expect, it } from 'vitest';
import { hearingNoticeShort } from './hearing-notice';
import { emptyNoticeForm, listOf, noticeBody, requiredProblems } from './notice-form';

describe('the 通知辩护函 form (Art 4)', () => {
  it('names every field the API cannot take without, by its API path', () => {
    expect(requiredProblems(emptyNoticeForm('溧阳市人民法院'))).toEqual({
      courtCaseNo: '必填',
      stationId: '必填',
      offenceDate: '必填',
      'defendant.name': '必填',
      'defendant.birthDate': '必填',
    });
  });

  it.each([
    ['、 separated', '盗窃罪、诈骗罪', ['盗窃罪', '诈骗罪']],
    ['full-width commas and blanks', ' 盗窃罪， 诈骗罪 ,', ['盗窃罪', '诈骗罪']],
    ['one per line', '盗窃罪\n诈骗罪', ['盗窃罪', '诈骗罪']],
    ['nothing', '  ', []],
  ])('splits charges and case numbers: %s', (_name, text, expected) => expect(listOf(text)).toEqual(expected));

  it('sends the trial as an instant in the court zone and leaves blanks out (the API lists the Art 4 ones as missing)', () => {
    const f = emptyNoticeForm('溧阳市人民法院');
    Object.assign(f, { courtCaseNo: ' （2026）苏0481刑初1号 ', stationId: 's', offenceDate: '2026-05-01', charges: '盗窃罪', trialDate: '2026-10-30' });
    Object.assign(f.defendant, { name: '张三', birthDate: '1990-01-01', detentionPlace: '溧阳市看守所', address: '不应发送' });
    const body = noticeBody(f, 'Asia/Shanghai');
    expect(body).toMatchObject({ courtCaseNo: '（2026）苏0481刑初1号', charges: ['盗窃罪'], trialAt: '2026-10-30T09:00:00+08:00', indictmentAttached: false });
    expect(body.defendant).toMatchObject({ detained: true, detentionPlace: '溧阳市看守所' });
    expect(body.defendant.address).toBeUndefined();
    expect(body.judge).toEqual({ name: undefined, phone: undefined });
    expect(body.trialPlace).toBeUndefined();
  });

  it("sends an address and phone, not a detention place, for a defendant at liberty (Art 4)", () => {
    const f = emptyNoticeForm('溧阳市人民法院');
    Object.assign(f.defendant, { detained: false, detentionPlace: '看守所', address: '溧阳市某路1号', phone: '13800000000' });
    expect(noticeBody(f, 'Asia/Shanghai').defendant).toMatchObject({ detentionPlace: undefined, address: '溧阳市某路1号', phone: '13800000000' });
  });
});

describe("Art 11's three days' notice of a hearing", () => {
  it.each([
    ['told on 10-12 for 10-15: the third day, in time', '2026-10-12', '2026-10-15', false],
    ['told on 10-12 for 10-14: short', '2026-10-12', '2026-10-14', true],
    ['the same day: short', '2026-10-12', '2026-10-12', true],
    ['across a month end, in time', '2026-10-30', '2026-11-02', false],
  ])('%s', (_name, today, date, short) => expect(hearingNoticeShort(today, date)).toBe(short));
});
