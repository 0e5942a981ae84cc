import JSZip from 'jszip';
import { assertLetterFont } from './appointment-letter-pdf';
import { appointmentLetterDocx, AppointmentLetterData, chineseDate } from './appointment-letter';

const data: AppointmentLetterData = {
  center: { name: '溧阳市法律援助中心', address: '溧阳市燕山中路1号', phone: '12348' },
  courtName: '溧阳市人民法院',
  courtCaseNo: '（2026）苏0481刑初123号',
  defendantName: '王某',
  charges: ['盗窃罪', '诈骗罪'],
  lawyer: { name: '甲律师', firm: '天目律师事务所', phone: '13800000001' },
  date: '2026-10-08',
  letterNo: '溧援函〔2026〕第12号',
};

async function text(d: AppointmentLetterData): Promise<string> {
  const zip = await JSZip.loadAsync(await appointmentLetterDocx(d));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('appointment letter 法律援助公函 (Art 6)', () => {
  it.each([
    ['the lawyer’s name, firm and contact (Art 6 para 2)', ['甲律师', '天目律师事务所', '13800000001']],
    ['the court, case number, defendant and charges', ['溧阳市人民法院', '（2026）苏0481刑初123号', '王某', '盗窃罪、诈骗罪']],
    [
      'the center’s name, address, the seal line and the date in Chinese',
      ['溧阳市法律援助中心', '溧阳市燕山中路1号', '（盖章处）', '二〇二六年十月八日'],
    ],
    ['the letter number as given', ['溧援函〔2026〕第12号']],
    ['the case number once, without doubled brackets', ['贵院（2026）苏0481刑初123号被告人王某']],
  ])('prints %s', async (_name, parts) => {
    const t = await text(data);
    for (const p of parts) expect(t).toContain(p);
  });

  it('says the charges are still to be supplied when the notice had none (Art 7)', async () => {
    expect(await text({ ...data, charges: [] })).toContain('罪名待补充');
  });

  it.each([
    ['2026-01-05', '二〇二六年一月五日'],
    ['2026-10-10', '二〇二六年十月十日'],
    ['2026-12-31', '二〇二六年十二月三十一日'],
    ['2030-02-20', '二〇三〇年二月二十日'],
  ])('writes %s as %s', (date, expected) => expect(chineseDate(date)).toBe(expected));
});

describe('the PDF letter’s font', () => {
  it('stops the server with the setting and the Debian package named when the font is missing', () => {
    expect(() => assertLetterFont('/nonexistent/uming.ttc')).toThrow(/LETTER_PDF_FONT.*\/nonexistent\/uming\.ttc.*fonts-arphic-uming/);
  });
});
