import { defendantDisplayName } from './privacy';

describe('defendantDisplayName (Art 23, juvenile records)', () => {
  it.each([
    ['an adult keeps the full name', '王小明', false, '王小明'],
    ['a juvenile shows only the surname + 某', '张三丰', true, '张某'],
    ['a juvenile with a two-character surname', '欧阳明', true, '欧阳某'],
    ['a juvenile named only 欧阳 is not mistaken for a compound surname', '欧阳', true, '欧某'],
    ['surrounding blanks are ignored', '  李四 ', true, '李某'],
    ['a transliterated minority name keeps only its first character', '买买提·艾力', true, '买某'],
    ['a character outside the BMP stays whole', '𠮷田', true, '𠮷某'],
    ['an empty name still hides nothing', '', true, '某'],
  ])('%s', (_name, name, juvenile, expected) => {
    expect(defendantDisplayName(name, juvenile)).toBe(expected);
  });
});
