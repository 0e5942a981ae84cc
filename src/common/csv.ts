/** What a field needs the formula guard or quotes for; most need neither: one test. */
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

/**
 * One CSV field (RFC 4180 quoting). Text starting with = + - @ is prefixed with ' so a
 * spreadsheet opening the file shows it instead of evaluating it (CSV injection).
 */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v);
  if (!NEEDS_CARE.test(v)) return v;
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line of fields (csvField), CRLF. */
export function csvLine(values: (string | number)[]): string {
  let line = values.length ? csvField(values[0]) : '';
  for (let i = 1; i < values.length; i++) line += ',' + csvField(values[i]);
  return line + '\r\n';
}
