import { csvLine, excelDate, excelDateTime, excelTime, wallClock } from './ledger-columns';

describe('csvLine (CSV export opened in Excel)', () => {
  it.each([
    ['plain values', ['a', 1, '王五'], 'a,1,王五\r\n'],
    ['commas and quotes are quoted', ['a,b', 'say "hi"'], '"a,b","say ""hi"""\r\n'],
    ['line breaks are quoted', ['x\ny'], '"x\ny"\r\n'],
    ['a formula is shown, not run (CSV injection)', ['=SUM(A1)', '+1', '-2', '@x'], "'=SUM(A1),'+1,'-2,'@x\r\n"],
    ['empty cells', ['', ''], ',\r\n'],
  ])('%s', (_, values, line) => {
    expect(csvLine(values as (string | number)[])).toBe(line);
  });
});

describe('wallClock (times in the station zone)', () => {
  it('keeps the wall-clock time of a zoned instant', () => {
    expect(wallClock('2026-10-12T09:03:00+08:00')).toBe('2026-10-12 09:03');
    expect(wallClock(null)).toBe('');
  });
});

describe('XLSX cell values: the station’s wall clock as Excel dates and times', () => {
  it.each([
    ['a local date', excelDate('2026-10-12'), new Date('2026-10-12T00:00:00Z')],
    ['a zoned instant east of UTC', excelDateTime('2026-10-12T09:03:00+08:00'), new Date('2026-10-12T09:03:00Z')],
    ['a zoned instant west of UTC', excelDateTime('2026-03-08T01:30:00-05:00'), new Date('2026-03-08T01:30:00Z')],
    ['no instant', excelDateTime(null), null],
  ])('%s', (_name, value, expected) => expect(value).toEqual(expected));

  it.each([
    ['09:00', '2026-10-12T09:00:00+08:00', 0.375],
    ['14:45', '2026-10-12T14:45:00+08:00', (14 * 60 + 45) / 1440],
  ])('%s is that fraction of a day', (_name, zoned, fraction) => expect(excelTime(zoned)).toBeCloseTo(fraction, 12));
});
