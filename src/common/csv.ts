/**
 * One CSV line (RFC 4180 quoting, CRLF). Text starting with = + - @ is prefixed with ' so a
 * spreadsheet opening the file shows it instead of evaluating it (CSV injection).
 */
export function csvLine(values: (string | number)[]): string {
  return (
    values
      .map((v) => {
        if (typeof v === 'number') return String(v);
        const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}
