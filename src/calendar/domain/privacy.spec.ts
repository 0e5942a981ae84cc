import { defendantInitial } from './privacy';

describe('defendantInitial', () => {
  it.each([
    ['Art 23: a juvenile defendant is never named, not even by initial', { defendantName: '欧阳小明', juvenile: true }, null],
    ['rule 12: an adult Han name becomes surname + 某, as in published judgments', { defendantName: '张三丰', juvenile: false }, '张某'],
    ['rule 12: leading spaces do not leak into the initial', { defendantName: '  李四', juvenile: false }, '李某'],
    ['rule 12: a Latin-script name becomes one capital initial', { defendantName: 'john smith', juvenile: false }, 'J.'],
    ['an empty name gives no initial rather than a stray 某', { defendantName: ' ', juvenile: false }, null],
  ])('%s', (_, kase, expected) => {
    expect(defendantInitial(kase)).toBe(expected);
  });
});
