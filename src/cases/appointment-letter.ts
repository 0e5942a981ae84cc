import { lazyModule } from '../common/lazy-module';
import type { LocalDate } from '../common/local-date';

const docx = lazyModule('docx', () => import('docx'));

/** Everything the 法律援助公函 prints (Art 6: the lawyer's name, firm and contact). */
export interface AppointmentLetterData {
  center: { name: string; address: string; phone: string };
  courtName: string;
  courtCaseNo: string;
  defendantName: string;
  charges: string[];
  lawyer: { name: string; firm: string; phone: string };
  /** The day the letter was issued (kept: a second download prints the same date and number). */
  date: LocalDate;
  /** 溧援函〔2026〕第12号: the per-year serial (letter-number.ts). */
  letterNo: string;
}

/** How a line is set: the docx and the PDF map each kind to their own font size and alignment. */
export type LetterLineKind = 'heading' | 'title' | 'number' | 'salutation' | 'body' | 'seal' | 'signature' | 'footer';

export interface LetterLine {
  kind: LetterLineKind;
  text: string;
}

const DIGITS = '〇一二三四五六七八九';

/** 12 → 十二, 20 → 二十, 31 → 三十一 (months and days only). */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? DIGITS[tens] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** 2026-10-08 → 二〇二六年十月八日: the date under the seal, written out as official letters have it. */
export function chineseDate(date: LocalDate): string {
  const [y, m, d] = date.split('-');
  const year = [...y].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`;
}

/** The letter's text, line by line, in the order it is printed. */
export function letterLines(data: AppointmentLetterData): LetterLine[] {
  const charges = data.charges.length ? data.charges.join('、') : '（罪名待补充）';
  return [
    { kind: 'heading', text: data.center.name },
    { kind: 'title', text: '法律援助公函' },
    { kind: 'number', text: data.letterNo },
    { kind: 'salutation', text: `${data.courtName}：` },
    {
      kind: 'body',
      text:
        `贵院${data.courtCaseNo}被告人${data.defendantName}涉嫌${charges}一案的通知辩护函收悉。` +
        `根据《中华人民共和国刑事诉讼法》第三十五条、《中华人民共和国法律援助法》和《关于开展刑事案件律师辩护全覆盖工作的实施意见》第六条的规定，` +
        `本中心指派${data.lawyer.firm}${data.lawyer.name}律师担任该被告人的辩护人。`,
    },
    { kind: 'body', text: `承办律师：${data.lawyer.name}` },
    { kind: 'body', text: `所属单位：${data.lawyer.firm}` },
    { kind: 'body', text: `联系电话：${data.lawyer.phone}` },
    { kind: 'body', text: '特此函告。' },
    { kind: 'seal', text: '（盖章处）' },
    { kind: 'signature', text: data.center.name },
    { kind: 'signature', text: chineseDate(data.date) },
    { kind: 'footer', text: `地址：${data.center.address}　电话：${data.center.phone}` },
  ];
}

/** Half-points and alignment of each kind of line (the PDF uses the same sizes in points). */
export const LINE_STYLE: Record<LetterLineKind, { size: number; bold?: boolean; align: 'left' | 'center' | 'right'; indent?: boolean }> = {
  heading: { size: 32, bold: true, align: 'center' },
  title: { size: 44, bold: true, align: 'center' },
  number: { size: 24, align: 'right' },
  salutation: { size: 28, align: 'left' },
  body: { size: 28, align: 'left', indent: true },
  seal: { size: 24, align: 'right' },
  signature: { size: 28, align: 'right' },
  footer: { size: 21, align: 'left' },
};

const FONT = 'SimSun';

/** The letter as a Word document (.docx bytes). */
export async function appointmentLetterDocx(data: AppointmentLetterData): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await docx();
  const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
  const doc = new Document({
    creator: data.center.name,
    title: `法律援助公函 ${data.courtCaseNo}`,
    sections: [
      {
        children: letterLines(data).map(({ kind, text }) => {
          const style = LINE_STYLE[kind];
          return new Paragraph({
            alignment: align[style.align],
            indent: style.indent ? { firstLine: 560 } : undefined,
            spacing: { before: kind === 'seal' ? 480 : 0, after: 160, line: 360 },
            children: [new TextRun({ text, bold: style.bold, size: style.size, font: FONT })],
          });
        }),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
