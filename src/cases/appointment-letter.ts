import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { LocalDate } from '../common/local-date';

/** Everything the 法律援助公函 prints (Art 6: the lawyer's name, firm and contact). */
export interface AppointmentLetterData {
  center: { name: string; address: string; phone: string };
  courtName: string;
  courtCaseNo: string;
  defendantName: string;
  charges: string[];
  lawyer: { name: string; firm: string; phone: string };
  date: LocalDate;
  /** Serial of this letter for the case: a re-appointment issues a new letter. */
  letterNo: string;
}

const FONT = 'SimSun';

function line(text: string, options: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align,
    indent: options.indent ? { firstLine: 480 } : undefined,
    spacing: { after: 160, line: 360 },
    children: [new TextRun({ text, bold: options.bold, size: options.size ?? 28, font: FONT })],
  });
}

export function chineseDate(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The letter as a Word document (.docx bytes). */
export async function appointmentLetterDocx(data: AppointmentLetterData): Promise<Buffer> {
  const charges = data.charges.length ? data.charges.join('、') : '（罪名待补充）';
  const doc = new Document({
    creator: data.center.name,
    title: `法律援助公函 ${data.courtCaseNo}`,
    sections: [
      {
        children: [
          line(data.center.name, { bold: true, size: 32, align: AlignmentType.CENTER }),
          line('法律援助公函', { bold: true, size: 44, align: AlignmentType.CENTER }),
          line(data.letterNo, { align: AlignmentType.RIGHT, size: 24 }),
          line(`${data.courtName}：`),
          line(
            `贵院（${data.courtCaseNo}）被告人${data.defendantName}涉嫌${charges}一案的通知辩护函收悉。` +
              `根据《中华人民共和国刑事诉讼法》第三十五条、《中华人民共和国法律援助法》和《关于开展刑事案件律师辩护全覆盖工作的实施意见》第六条的规定，` +
              `本中心指派${data.lawyer.firm}${data.lawyer.name}律师担任该被告人的辩护人。`,
            { indent: true },
          ),
          line(`承办律师：${data.lawyer.name}`, { indent: true }),
          line(`所属单位：${data.lawyer.firm}`, { indent: true }),
          line(`联系电话：${data.lawyer.phone}`, { indent: true }),
          line('特此函告。', { indent: true }),
          line(data.center.name, { align: AlignmentType.RIGHT }),
          line(chineseDate(data.date), { align: AlignmentType.RIGHT }),
          line(`地址：${data.center.address}　电话：${data.center.phone}`, { size: 21 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
