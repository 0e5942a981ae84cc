import JSZip from 'jszip';
import { appointmentLetterDocx, AppointmentLetterData, chineseDate } from './appointment-letter';

const data: AppointmentLetterData = {
  center: { name: '溧阳市法律援助中心', address: '溧阳市燕山中路1号', phone: '12348' },
  courtName: '溧阳市人民法院',
  courtCaseNo: '（2026）苏0481刑初123号',
  defendantName: '王某',
  charges: ['盗窃罪', '诈骗罪'],
  lawyer: { name: '甲律师', firm: '天目律师事务所', phone: '13800000001' },
  date: '2026-10-08',
  letterNo: '援函〔2026〕abc-1号',
};

async function text(d: AppointmentLetterData): Promise<string> {
  const zip = await JSZip.loadAsync(await appointmentLetterDocx(d));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('appointment letter 法律援助公函 (Art 6)', () => {
  it.each([
    ['the lawyer’s name, firm and contact (Art 6 para 2)', ['甲律师', '天目律师事务所', '13800000001']],
    ['the court, case number, defendant and charges', ['溧阳市人民法院', '（2026）苏0481刑初123号', '王某', '盗窃罪、诈骗罪']],
    ['the center’s name, address and the date in Chinese', ['溧阳市法律援助中心', '溧阳市燕山中路1号', '2026年10月8日']],
  ])('prints %s', async (_name, parts) => {
    const t = await text(data);
    for (const p of parts) expect(t).toContain(p);
  });

  it('says the charges are still to be supplied when the notice had none (Art 7)', async () => {
    expect(await text({ ...data, charges: [] })).toContain('罪名待补充');
  });

  it.each([
    ['2026-01-05', '2026年1月5日'],
    ['2026-12-31', '2026年12月31日'],
  ])('writes %s as %s', (date, expected) => expect(chineseDate(date)).toBe(expected));
});
