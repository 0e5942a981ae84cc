/**
 * 法律援助公函 numbers as an office writes them: `<prefix>〔<year>〕第<serial>号`, the serial
 * counting from 1 in each calendar year of issue (e.g. 溧援函〔2026〕第12号).
 */
export function letterNumber(prefix: string, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`letter serial must be a whole number ≥ 1: ${serial}`);
  return `${prefix}〔${year}〕第${serial}号`;
}

/**
 * The download's file name: 法律援助公函-（2026）苏0481刑初451号.docx. Only what no file system
 * takes (path separators, control and reserved characters) is replaced.
 */
export function letterFileName(courtCaseNo: string, extension: 'docx' | 'pdf'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry
  const safe = courtCaseNo.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_');
  return `法律援助公函-${safe}.${extension}`;
}
