import { csvLine, wallClock } from './ledger-columns';

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
