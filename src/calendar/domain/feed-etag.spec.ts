import { feedEtag, matchesIfNoneMatch } from './feed-etag';

describe('feedEtag', () => {
  it('is a quoted strong tag, equal for equal parts', () => {
    expect(feedEtag(['lawyer', 'a', '3/2026/1'])).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(feedEtag(['lawyer', 'a', '3/2026/1'])).toBe(feedEtag(['lawyer', 'a', '3/2026/1']));
  });

  it.each([
    ['a sequence bump', ['lawyer', 'a', '3/2026/2']],
    ['another owner', ['lawyer', 'b', '3/2026/1']],
    ['parts that only concatenate alike', ['lawyer', 'a3', '/2026/1']],
    ['a null part', ['lawyer', 'a', null]],
  ])('changes with %s', (_, parts) => {
    expect(feedEtag(parts)).not.toBe(feedEtag(['lawyer', 'a', '3/2026/1']));
  });
});

describe('matchesIfNoneMatch (RFC 9110 §13.1.2)', () => {
  const etag = '"abc"';
  it.each([
    ['no header', undefined, false],
    ['the same tag', '"abc"', true],
    ['a weak form of the tag', 'W/"abc"', true],
    ['one of a list', '"x", "abc"', true],
    ['the wildcard', '*', true],
    ['another tag', '"abd"', false],
    ['the tag without quotes', 'abc', false],
  ])('%s', (_, header, expected) => {
    expect(matchesIfNoneMatch(header, etag)).toBe(expected);
  });
});
