import { redactUrl } from './redact';

/** Shaped as src/auth/tokens.ts makes them. */
const DL = 'dl_SCRgS0tAq8S2yZl7m4bVnqYhY3lH3vJfZ2w2qv9kQ1s';
const CAL = 'cal_f7ybk7tMXYKiTtRy_iVQHkSIHNTenn_pGIYKXehHNtU';

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
    // Found by the black-box attack of the audit (each URL reached the log whole):
    ['an empty segment inside the prefix', `/calendar//lawyers/${CAL}.ics`, '/calendar//lawyers/***'],
    ['a dot segment before the prefix', `/./calendar/lawyers/${CAL}.ics`, '/./calendar/lawyers/***'],
    ['an encoded slash after the prefix', `/calendar/lawyers%2F${CAL}.ics`, '/calendar/***'],
    ['a double-encoded key ?tok%2565n=', `/c.ics?tok%2565n=${DL}`, '/c.ics?tok%2565n=***'],
    ['a ; separator', `/c.ics?x=1;token=${DL}`, '/c.ics?x=1;token=***'],
    ['a fragment a raw client sent', `/c.ics#token=${DL}`, '/c.ics#token=***'],
    ['a fragment after a query', `/c.ics?x=1#token=${DL}`, '/c.ics?x=1#token=***'],
    ['a NUL byte inside the key', `/c.ics?t%00oken=${DL}`, '/c.ics?t%00oken=***'],
    ['an encoded = in the key', `/reception/s1?token%3D${DL}`, '/reception/s1?***'],
    ['a token under an empty key', `/reception/s1?=${DL}`, '/reception/s1?=***'],
    ['a token under any key', `/c.ics?tok%C3%A9n=${DL}`, '/c.ics?tok%C3%A9n=***'],
    ['a token as a path segment (the reception URL mistyped)', `/reception/${DL}`, '/reception/***'],
    ['a token percent-encoded in a segment', `/reception/%64l_${DL.slice(3)}`, '/reception/***'],
    ['an absolute-form request target', `http://x/calendar/lawyers/${CAL}.ics`, 'http://x/calendar/lawyers/***'],
    ['bracketed keys', `/c.ics?token[]=${DL}&token[a]=${DL}`, '/c.ics?token[]=***&token[a]=***'],
  ])('%s', (_name, url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('never leaves the secret anywhere in the line', () => {
    for (const url of [
      '/calendar/lawyers/S3CR3T.ics',
      '/Calendar/Lawyers/S3CR3T',
      '/calendar/stations/x.ics?x=1&tOkEn=S3CR3T',
      '/x?a%5Ftoken=S3CR3T',
      '/x?tok%2565n=S3CR3T',
      '/x?y=1;token=S3CR3T',
      '/x#token=S3CR3T',
      '/calendar//lawyers/S3CR3T',
    ]) {
      expect(redactUrl(url)).not.toContain('S3CR3T');
    }
  });
});
