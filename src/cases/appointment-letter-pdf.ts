import { accessSync, constants } from 'node:fs';
import { lazyModule } from '../common/lazy-module';
import { AppointmentLetterData, LINE_STYLE, letterLines } from './appointment-letter';

const pdfkit = lazyModule('pdfkit', () => import('pdfkit'));

/** The font file is missing or unreadable: the PDF letter cannot be set (the .docx one can). */
export class LetterFontError extends Error {}

/** The simplified-Chinese face of AR PL UMing, the default collection's. */
const DEFAULT_COLLECTION_FACE = 'UMingCN';

/** LETTER_PDF_FONT is a font file, or `collection.ttc#PostScriptName` for one face of a collection. */
function fontOf(setting: string): { file: string; face?: string } {
  const [file, face] = setting.split('#');
  return { file, face: face || (file.toLowerCase().endsWith('.ttc') ? DEFAULT_COLLECTION_FACE : undefined) };
}

/** Checks that the PDF letter's CJK font is there (LETTER_PDF_FONT): at start-up, and before each PDF. */
export function assertLetterFont(setting: string): void {
  const path = fontOf(setting).file;
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new LetterFontError(
      `LETTER_PDF_FONT: no readable font at ${path}; the PDF appointment letter embeds a CJK font. ` +
        'Install it (Debian: apt-get install fonts-arphic-uming) or set LETTER_PDF_FONT to a TrueType/OpenType font with Chinese glyphs.',
    );
  }
}

/**
 * The letter as an A4 PDF (pdfkit): the same lines as the .docx, set in the CJK font, which
 * pdfkit embeds as a subset of the glyphs used with a ToUnicode map, so the text can be
 * searched and extracted.
 */
export async function appointmentLetterPdf(data: AppointmentLetterData, fontSetting: string): Promise<Buffer> {
  const PDFDocument = (await pdfkit()).default;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 96, bottom: 72, left: 80, right: 80 },
    info: { Title: `法律援助公函 ${data.courtCaseNo}`, Author: data.center.name },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const font = fontOf(fontSetting);
  doc.registerFont('letter', font.file, font.face);
  doc.font('letter');
  for (const { kind, text } of letterLines(data)) {
    const style = LINE_STYLE[kind];
    const size = style.size / 2;
    if (kind === 'seal') doc.moveDown(1.5);
    doc
      .fontSize(size)
      .text(text, { align: style.align, indent: style.indent ? size * 2 : 0, lineGap: size * 0.5, paragraphGap: size * 0.4 });
  }
  doc.end();
  return done;
}
