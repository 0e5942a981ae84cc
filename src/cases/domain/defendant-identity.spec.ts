import { sameDefendant } from './defendant-identity';

const zhang = { name: '张三', birthDate: '1990-03-15', idNumber: '32048119900315001X' };

describe('sameDefendant (SPC CPL interpretation 2021 Art 43: co-defendants are two different people)', () => {
  it.each<[string, Parameters<typeof sameDefendant>[1], boolean]>([
    ['SPC Art 43 — same ID number → same person, whatever the name spelling', { ...zhang, name: '张 三' }, true],
    ['SPC Art 43 — same ID number, lower-case x → same person', { ...zhang, idNumber: '32048119900315001x' }, true],
    ['SPC Art 43 — different ID numbers, same name and birth date → two people', { ...zhang, idNumber: '320481199003150028' }, false],
    ['SPC Art 43 — no ID number on one side: name + birth date match → same person', { name: '张三', birthDate: '1990-03-15' }, true],
    ['SPC Art 43 — no ID number: name matches, birth date differs → two people', { name: '张三', birthDate: '1991-03-15' }, false],
    ['SPC Art 43 — no ID number: same birth date, other name → two people', { name: '李四', birthDate: '1990-03-15' }, false],
    ['SPC Art 43 — blank ID number counts as none', { name: '张三 ', birthDate: '1990-03-15', idNumber: ' ' }, true],
  ])('%s', (_label, other, expected) => {
    expect(sameDefendant(zhang, other)).toBe(expected);
    expect(sameDefendant(other, zhang)).toBe(expected);
  });
});
