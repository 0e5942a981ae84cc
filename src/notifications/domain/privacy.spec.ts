import { defendantDisplayName, maskDefendantIn } from './privacy';

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

describe('maskDefendantIn: free text in mails (Art 23, juvenile records)', () => {
  it.each([
    [
      'a juvenile’s full name in a termination note is masked',
      '被告人张三丰本人要求终止，张三丰已另行委托',
      '张三丰',
      true,
      '被告人张某本人要求终止，张某已另行委托',
    ],
    ['a juvenile’s given name alone is masked too', '三丰的父亲来电', '张三丰', true, '张某的父亲来电'],
    ['a two-character surname keeps its whole surname', '欧阳明轩表示拒绝', '欧阳明轩', true, '欧阳某表示拒绝'],
    ['a one-character given name is left alone (it would hide ordinary words)', '李四说四点到', '李四', true, '李某说四点到'],
    ['an adult’s note stays as typed', '被告人王小明要求终止', '王小明', false, '被告人王小明要求终止'],
    ['text without the name is unchanged', '当事人另行委托辩护人', '张三丰', true, '当事人另行委托辩护人'],
  ])('%s', (_row, text, name, juvenile, expected) => {
    expect(maskDefendantIn(text, name, juvenile)).toBe(expected);
  });
});
