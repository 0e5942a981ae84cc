import { redactUrl } from './redact';

describe('redactUrl (issue 13, item 8)', () => {
  it.each([
    ['a lawyer feed token in the path', '/calendar/lawyers/abc123.ics', '/calendar/lawyers/***'],
    ['an upper-case feed path', '/CALENDAR/LAWYERS/abc123.ics', '/CALENDAR/LAWYERS/***'],
    ['a percent-encoded prefix', '/calendar/%6cawyers/abc123.ics', '/calendar/%6cawyers/***'],
    ['every segment after the prefix', '/calendar/lawyers/abc/def.ics?x=1', '/calendar/lawyers/***/***?x=1'],
    ['?token=', '/calendar/stations/s1.ics?token=sekret', '/calendar/stations/s1.ics?token=***'],
    ['an encoded key ?tok%65n=', '/calendar/stations/s1.ics?tok%65n=sekret', '/calendar/stations/s1.ics?tok%65n=***'],
    ['a suffixed key and a repeated one', '/x?a_token=one&token=two&token=three', '/x?a_token=***&token=***&token=***'],
    ['upper-case keys', '/x?TOKEN=one', '/x?TOKEN=***'],
    ['nothing secret stays as it was', '/api/v1/lawyers?q=%E5%BC%A0&limit=10', '/api/v1/lawyers?q=%E5%BC%A0&limit=10'],
    ['a malformed escape does not throw', '/x?%E0%A4%A=1&token=%ZZ', '/x?%E0%A4%A=1&token=***'],
  ])('%s', (_name, url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('never leaves the secret anywhere in the line', () => {
    for (const url of [
      '/calendar/lawyers/S3CR3T.ics',
      '/Calendar/Lawyers/S3CR3T',
      '/calendar/stations/x.ics?x=1&tOkEn=S3CR3T',
      '/x?a%5Ftoken=S3CR3T',
    ]) {
      expect(redactUrl(url)).not.toContain('S3CR3T');
    }
  });
});
