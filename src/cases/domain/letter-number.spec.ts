import { letterFileName, letterNumber } from './letter-number';

describe('letter numbers and file names (Art 6 法律援助公函)', () => {
  it.each([
    ['the twelfth letter of 2026 with a county prefix', '溧援函', 2026, 12, '溧援函〔2026〕第12号'],
    ['the first letter of a year', '援函', 2027, 1, '援函〔2027〕第1号'],
  ])('numbers %s', (_name, prefix, year, serial, expected) => expect(letterNumber(prefix, year, serial)).toBe(expected));

  it.each([0, -1, 1.5])('refuses serial %s', (serial) => expect(() => letterNumber('援函', 2026, serial)).toThrow(RangeError));

  it.each([
    ['keeps the Chinese case number', '（2026）苏0481刑初451号', 'docx', '法律援助公函-（2026）苏0481刑初451号.docx'],
    ['replaces path separators', '(2026)苏0481/刑初1号', 'pdf', '法律援助公函-(2026)苏0481_刑初1号.pdf'],
  ] as const)('%s', (_name, no, ext, expected) => expect(letterFileName(no, ext)).toBe(expected));
});
