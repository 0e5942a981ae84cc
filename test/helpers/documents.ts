import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The text of a .docx: the document.xml inside the zip, tags dropped. */
export async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

/** The text of a PDF as pdf.js extracts it (through the fonts' ToUnicode maps), line breaks dropped. */
export function pdfText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'pdf-text.cjs')], { encoding: 'utf8', timeout: 60_000 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout.replace(/\s*\n\s*/g, '')),
    );
    child.stdin!.end(bytes);
  });
}
