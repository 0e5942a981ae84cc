import { attachmentDisposition } from './content-disposition';

describe('Content-Disposition (RFC 6266, RFC 8187)', () => {
  it.each([
    [
      'keeps a Chinese name in filename* and an ASCII fallback',
      '法律援助公函-（2026）苏0481刑初451号.docx',
      'appointment-letter.docx',
      `attachment; filename="appointment-letter.docx"; filename*=UTF-8''%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9%E5%85%AC%E5%87%BD-%EF%BC%882026%EF%BC%89%E8%8B%8F0481%E5%88%91%E5%88%9D451%E5%8F%B7.docx`,
    ],
    [
      'percent-encodes the characters attr-char excludes',
      "a'(b)*.csv",
      'a.csv',
      `attachment; filename="a.csv"; filename*=UTF-8''a%27%28b%29%2A.csv`,
    ],
    ['never lets a quote end the fallback early', 'x.csv', 'x".csv', `attachment; filename="x_.csv"; filename*=UTF-8''x.csv`],
  ])('%s', (_name, name, fallback, expected) => {
    const header = attachmentDisposition(name, fallback);
    expect(header).toBe(expected);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe(name);
  });
});
